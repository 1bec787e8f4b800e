/** Typed custom fields: definitions per object type, validation, value index, filters. */
export {
  type Definition,
  type DefinitionRow,
  definitionRows,
  refreshDefinitions,
} from "./definitions";
export {
  CUSTOM_FILTER,
  CUSTOM_FILTER_QUERY,
  customFieldFilters,
  customFilterParams,
} from "./filters";
export {
  type CustomFieldObject,
  type CustomFieldObjectSpec,
  type CustomFieldTable,
  customFieldObject,
  findCustomFieldObject,
  isSharedTable,
  registerCustomFieldObject,
  registerObjectLister,
  registerObjectResolver,
  requireCustomFieldObject,
  scopeResourceOf,
  tenantObjectNames,
} from "./registry";
export { coerceValue, FIELD_TYPES, type FieldSpec, type FieldType, type IndexEntry } from "./types";
export {
  type CustomFieldMap,
  indexedValueIs,
  valueAt,
  writeCustomFields,
} from "./values";
