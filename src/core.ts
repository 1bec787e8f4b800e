/**
 * The core's public surface: everything a plugin may use. Plugins import
 * from here (and from db/ for tables), never from each other.
 */

export type { Database, ReadDb, WriteTx } from "../db/client";
export {
  type Actor,
  diff,
  entityTypes,
  recordChange,
  registerEntityTypes,
} from "./activity";
export {
  assertRecord,
  associatedWith,
  associationsOf,
  includeAssociations,
  link,
  linksOf,
  listWithLinks,
  onLinksChanged,
  type RecordRef,
  requireObject,
  unlink,
  unlinkAll,
  unlinkObject,
} from "./associations";
export {
  ADMIN_SECURITY,
  API_PREFIX,
  actorOf,
  alsoNeeds,
  authMacros,
  consumeKeyRateLimit,
  consumeRateLimit,
  type PathAuthenticator,
  presentedCredential,
  registerCredentialPrefix,
  registerOwnAuthentication,
  registerOwnAuthenticationAt,
  registerPathAuthentication,
  requireScope,
  SECURITY,
} from "./auth";
export { perBatch, setInBatch } from "./batch-values";
export { uploadBody } from "./body";
export {
  type BulkOutcome,
  BulkResult,
  bulkRequest,
  MAX_BULK_RECORDS,
  runBulk,
  upsert,
} from "./bulk";
export {
  businessClock,
  type Calendar,
  calendarOf,
  type WorkClock,
  wallClock,
} from "./business-time";
export type { Clock } from "./clock";
export {
  type Config,
  ConfigError,
  type DocumentsStore,
  documentsStoreOf,
  type SmtpTls,
  smtpTlsMode,
} from "./config";
export type { AppContext, BackgroundWorker } from "./context";
export {
  CUSTOM_FILTER_QUERY,
  type CustomFieldMap,
  type CustomFieldObject,
  type CustomFieldTable,
  coerceValue,
  customFieldFilters,
  customFieldObject,
  type Definition,
  type DefinitionRow,
  definitionRows,
  type FieldSpec,
  type FieldType,
  findCustomFieldObject,
  indexedValueIs,
  refreshDefinitions,
  registerCustomFieldObject,
  registerObjectLister,
  registerObjectResolver,
  requireCustomFieldObject,
  scopeResourceOf,
  tenantObjectNames,
  valueAt,
  writeCustomFields,
} from "./custom-fields";
export {
  ApiError,
  badRequest,
  conflict,
  conflictAt,
  ErrorBody,
  errorResponses,
  type FieldError,
  FieldErrors,
  forbidden,
  invalid,
  notFound,
  unauthorized,
  ValidationErrorBody,
  within,
} from "./errors";
export {
  builtInEventTypes,
  type EventPayload,
  emit,
  eventTypes,
  isBuiltInEventType,
  isKnownEventType,
  nextSyncSeq,
  registerEventTypes,
  registerTenantDefinedEventTypes,
  registerTenantEventTypes,
  reserveSyncSeqs,
  type TenantEventType,
  tenantEventTypes,
} from "./events";
export {
  AssociatedWith,
  AssociationsField,
  asReplacement,
  CURRENCY_PATTERN,
  CustomFields,
  cleanTags,
  HttpUrl,
  IdParams,
  JsonInteger,
  LinkedRecord,
  MinorUnits,
  RecordQuery,
  RequiredText,
  StoredInteger,
  TagList,
  withAssociations,
} from "./fields";
export { eqIf } from "./filters";
export { headAnswer, noneMatch, readyJson, readyText } from "./http-conventions";
export { httpDate, parseHttpDate, wholeSecond } from "./http-date";
export { type ValueErrorLike, valueFieldErrors } from "./http-errors";
export { answerStatus, claimIdempotency, registerIdempotentPaths } from "./idempotency";
export { iso, isoTime, lifecycleFields, newEventId, newId, sha256Hex } from "./ids";
export { displayPrefix, generateApiKey, KEY_PREFIX, type KeyPrincipal } from "./keys";
export { assertLinked, assertLinks, isLiveIn, parseTags } from "./links";
export { type Logger, RepeatedFailureLog } from "./logger";
export { ONE_OF } from "./openapi/schemas";
export type { SyncedTable } from "./pagination";
export {
  type BoundFilter,
  decodeCursor,
  emptyFeedPosition,
  encodeCursor,
  type FieldFilter,
  filterBy,
  linkedListResponse,
  listJson,
  listPage,
  listResponse,
  MAX_PAGE,
  type Page,
  type PageQuery,
  pageQuery,
  parseTime,
} from "./pagination";
export { type E164, phoneParser } from "./phone";
export { registerVersionedRecords } from "./preconditions";
export { insertValues, param, prepared } from "./prepared";
export { ReadCache } from "./read-cache";
export { sameVersion, versioned } from "./record-version";
export { outsideRequest, type Principal, whenRequestEnds } from "./request-state";
export { type CredentialEnd, credentialEnded, Revocations } from "./revocations";
export {
  EVERY_MINUTE,
  type EventCounts,
  HOURLY,
  type JobDefinition,
  type JobRun,
  type JobStatus,
  type RunResult,
  type Scheduler,
} from "./scheduler";
export {
  ALL_SCOPES,
  allows,
  expandPermissions,
  isBuiltInScopeName,
  isKnownPermission,
  READ_RESOURCE_OF_ENTITY,
  type Scope,
} from "./scopes";
export { HEADER_MASK, hintHeaders, maskHeaders, retiringAfterRotation } from "./secrets";
export { changedThrough, unknownFields } from "./strict-input";
export {
  classifyAddress,
  fanOutBeforeDeactivation,
  generateWebhookSecret,
  isLocalHostname,
  isReservedHeader,
  isValidSubscription,
  matchesSubscription,
  pruneDeliveries,
  pruneOutbox,
  retiringSecrets,
  type TestDeliveryResult,
  WebhookDispatcher,
} from "./webhooks";
export {
  changedFields,
  type EntityEvent,
  findLive,
  hasChanges,
  insertRow,
  isLive,
  presentFields,
  recordEntityChange,
  softDelete,
  updateRow,
  type WriteScope,
  writeScope,
} from "./writes";
export { canonicalZone, localToUtc, zoneOffset } from "./zones";
