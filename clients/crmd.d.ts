// Generated from the OpenAPI document by `npm run docs` (openapi-typescript); do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Process is up
         * @description For a liveness probe: 200 as long as the process answers HTTP; it touches no database.
         *
         *     **Credentials:** none.
         */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Database reachable and migrations applied
         * @description For a readiness probe: 503 (`database: false`) while the database is unreachable or migrations are pending; take the instance out of rotation until it answers 200 again.
         *
         *     **Credentials:** none.
         */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics: requests, rate limits, webhook delivery, backlogs, scheduler, database, memory
         * @description For a Prometheus scrape job: `authorization: {credentials: <CRMD_METRICS_TOKEN>}`. Give scrapers the metrics token, which reads metrics only, rather than the admin token.
         *
         *     **Credentials:** the metrics token (`Authorization: Bearer <CRMD_METRICS_TOKEN>`), or the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/widget/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The widget's configuration (X-Widget-Key)
         * @description **Credentials:** a widget key (`X-Widget-Key`).
         */
        get: operations["getWidgetSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/widget/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Identify the visitor (email, external_id, or anonymous) and get a visitor token
         * @description With a valid user_hash (hex HMAC-SHA256 of the external_id, else the email, under the widget key's identity secret) the visitor is that customer, found or created as POST /api/external/customers/identify does, and its token reads the customer's conversations except those unverified visitors opened. Without one (on a key that does not require it) the visitor is the customer found the same way, a returning customer, but its token reads only the conversations its visitor (browser session) opened, its unproven external_id is linked only to a contact made for it, and it has a rate budget of its own. Sent with the visitor's unverified token (Authorization: Bearer vt_…), the new token is the same visitor's, and a valid user_hash moves the conversations that visitor opened unverified to the proven customer (conversation.identity_verified each), and the anonymous contact it used is deleted (contact.deleted) when nothing is left on it. A key with identity_verification_required refuses an email or external_id without user_hash (403 IDENTITY_NOT_VERIFIED); a wrong user_hash is 403 IDENTITY_VERIFICATION_FAILED.
         *
         *     **Credentials:** a widget key (`X-Widget-Key`).
         */
        post: operations["identifyWidgetVisitor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/widget/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The conversations the visitor may read, newest first (at most 100): those its visitor (browser session) opened, and for a verified visitor its customer's others except those unverified visitors opened
         * @description **Credentials:** a visitor token (`Authorization: Bearer vt_…`).
         */
        get: operations["listWidgetConversations"];
        put?: never;
        /**
         * Open a conversation (with an optional first message); answers a token for it
         * @description **Credentials:** a visitor token (`Authorization: Bearer vt_…`).
         */
        post: operations["createWidgetConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/widget/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The visitor's conversation
         * @description **Credentials:** a visitor token (`Authorization: Bearer vt_…`).
         */
        get: operations["getWidgetConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/widget/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The conversation's messages, oldest first by sent_at, ties by id (the latest 1,000)
         * @description **Credentials:** a visitor token (`Authorization: Bearer vt_…`).
         */
        get: operations["listWidgetConversationMessages"];
        put?: never;
        /**
         * Send a message as the customer
         * @description **Credentials:** a visitor token (`Authorization: Bearer vt_…`).
         */
        post: operations["createWidgetConversationMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/widget/conversations/{id}/seen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark the agents' messages seen by the customer
         * @description Oldest first in thread order (sent_at, ties by id), at most 500 a call; `up_to` stops at that message, it included.
         *
         *     **Credentials:** a visitor token (`Authorization: Bearer vt_…`).
         */
        post: operations["markWidgetConversationSeen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/twilio/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio's incoming-message webhook for any tenant's number: records an inbound SMS
         * @description One URL for every number (`https://crm.example.com/api/twilio/webhook`): the SMS is recorded for the tenant its To number is recorded for (the operator's sms_numbers of the tenant), as POST /api/external/sms/inbound/twilio/{tenant_id} records it for the tenant it names: linked to the contact with the From number, STOP-like keywords opting out and START-like ones back in, sms.received, an SMS conversation; Twilio's retry of a MessageSid is recorded once. Requests must carry a valid X-Twilio-Signature over this URL (CRMD_PUBLIC_URL and the path when set) and the form: without one 401, a wrong one 403. A To that no tenant has recorded is 404 NOT_FOUND and nothing is recorded: the message is no tenant's, and Twilio does not retry an error answer to an incoming message (unless the URL's connection overrides ask it to) but shows it in its debugger (error 11200), where the operator sees the number to record.
         *
         *     **Credentials:** Twilio's signature of the request (`X-Twilio-Signature`).
         */
        post: operations["receiveTwilioWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ses/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Amazon SNS's HTTPS subscription for SES received email: records it for its tenant
         * @description The endpoint of an SNS topic that SES receipt rules publish received email to (an SNS action). Only topics listed in CRMD_SES_TOPIC_ARNS are taken (none listed: 404), another topic is 403, and every message must carry SNS's signature: SignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA) over its fields, verified with the certificate at SigningCertURL, which must be on a host of CRMD_SES_CERT_HOSTS (default `sns.<region>.amazonaws.com`); unsigned, badly signed or a certificate elsewhere is 403 and nothing is recorded. A certificate that cannot be fetched is 502 (SNS retries). A SubscriptionConfirmation is confirmed by GETting its SubscribeURL (on an allowed host only); an UnsubscribeConfirmation is logged. A Notification of a received email (`notificationType` Received, SNS action with the raw email in `content`, UTF8 or BASE64) is recorded as POST /api/external/email/inbound records it (contact, thread, conversation, email.received; the same Message-ID once, so SNS's retries add nothing) for each tenant whose team addresses (PUT /api/external/email/team-addresses) hold one of `receipt.recipients`, by address, else by domain; a recipient that several tenants list alike is none of theirs. No tenant: 200 `no_tenant`, nothing recorded, a warning logged. A notification without `content` (an S3 action) is 200 `no_content` with a warning: crmd needs the SNS action. An email SES's scan found a virus in (`receipt.virusVerdict` FAIL) is 200 `virus`, not recorded.
         *
         *     **Credentials:** none.
         */
        post: operations["receiveSesWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants
         * @description **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`).
         */
        get: operations["listTenants"];
        put?: never;
        /**
         * Create a tenant
         * @description A name taken, or a sender number recorded for another tenant, is 409.
         *
         *     **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`).
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/tenants/{tenant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tenant
         * @description **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`).
         */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a tenant: its SMS sender numbers
         * @description sms_numbers replaces the tenant's sender numbers (in E.164, in the order given; the first is its default sender). The tenant then sends SMS only from these (422 at /from otherwise), and an inbound SMS to one of them is accepted only at this tenant's webhook URL. A number recorded for another tenant is 409; release it there first.
         *
         *     **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`).
         */
        patch: operations["updateTenant"];
        trace?: never;
    };
    "/api/external/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys (never the keys themselves)
         * @description With the admin token, `tenant_id` names the tenant; a key with keys:manage lists its own tenant's. Revoked and expired keys are listed with `revoked_at` / `expires_at`.
         *
         *     **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`), or an API key with `keys:manage` (or `*`).
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key (the key is shown only once)
         * @description Only a hash of the key is stored: save `key` from this answer. With the admin token, `tenant_id` names the tenant; a key with keys:manage makes keys of its own tenant only, holding no scope it lacks (403), expiring no later than itself and limited at least as tightly (`rate_limit`).
         *
         *     **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`), or an API key with `keys:manage` (or `*`).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key (effective at once)
         * @description A key with keys:manage revokes only keys whose scopes it holds itself (403 otherwise); the admin token revokes any. No live event committed after the revocation reaches the key's sockets, on any instance.
         *
         *     **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`), or an API key with `keys:manage` (or `*`).
         */
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/calendar/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List calendar events by start time; filter by time range, linked record, attendee, status, or an attendee's conflicts
         * @description **Credentials:** an API key with `calendar:read` (or `calendar:*`, `read`, `*`).
         */
        get: operations["listCalendarEvents"];
        put?: never;
        /**
         * Create a calendar event (an end before the start or an unknown zone is 422)
         * @description **Credentials:** an API key with `calendar:write` (or `calendar:*`, `write`, `*`).
         */
        post: operations["createCalendarEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/calendar/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a calendar event
         * @description **Credentials:** an API key with `calendar:read` (or `calendar:*`, `read`, `*`).
         */
        get: operations["getCalendarEvent"];
        /**
         * Replace a calendar event (seed 000's PUT: fields left out are emptied; a cancelled event stays cancelled unless status says otherwise)
         * @description **Credentials:** an API key with `calendar:write` (or `calendar:*`, `write`, `*`).
         */
        put: operations["replaceCalendarEvent"];
        post?: never;
        /**
         * Cancel a calendar event: it stays, with status cancelled and cancelled_at
         * @description **Credentials:** an API key with `calendar:write` (or `calendar:*`, `write`, `*`).
         */
        delete: operations["deleteCalendarEvent"];
        options?: never;
        head?: never;
        /**
         * Update a calendar event (status cancelled cancels it; confirmed or tentative reopens it)
         * @description **Credentials:** an API key with `calendar:write` (or `calendar:*`, `write`, `*`).
         */
        patch: operations["updateCalendarEvent"];
        trace?: never;
    };
    "/api/external/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List documents, by linked record, storage or tags
         * @description **Credentials:** an API key with `documents:read` (or `documents:*`, `read`, `*`).
         */
        get: operations["listDocuments"];
        put?: never;
        /**
         * Upload a file (multipart/form-data, field `file`) or register an external document (JSON with `url`)
         * @description Uploads: empty is 422, over the upload limit 413, a declared type (the file part's Content-Type, or `mime_type`) that the content does not match 415. Text files are accepted as text/plain, text/csv, text/markdown or application/json when they are UTF-8. Equal content is stored once.
         *
         *     **Credentials:** an API key with `documents:write` (or `documents:*`, `write`, `*`).
         */
        post: operations["createDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a document's metadata
         * @description **Credentials:** an API key with `documents:read` (or `documents:*`, `read`, `*`).
         */
        get: operations["getDocument"];
        /**
         * Replace a document's details (seed 000's PUT: name, description, links, tags; fields left out are emptied)
         * @description **Credentials:** an API key with `documents:write` (or `documents:*`, `write`, `*`).
         */
        put: operations["replaceDocument"];
        post?: never;
        /**
         * Delete a document (soft; the file goes once no other document holds the same content)
         * @description **Credentials:** an API key with `documents:write` (or `documents:*`, `write`, `*`).
         */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/documents/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file (ETag = its SHA-256, Last-Modified = its upload); an external document is 409: fetch its url
         * @description Last-Modified is when the content was uploaded, to the second: a document's content never changes (changing its details leaves it), so the date is a strong validator (RFC 9110 8.8.2.2); every answer carries it but a 304, which has the ETag (RFC 9110 15.4.5). One byte range (`Range: bytes=0-1023`, `bytes=-512`) is 206 with Content-Range; several (`bytes=0-9,20-29`) are 206 `multipart/byteranges`, overlapping ones coalesced; `If-Range` with the ETag or the Last-Modified date gets the ranges; over 32 ranges, `If-Range` with another ETag (strong comparison) or another date, or another unit: the whole file (200); past the end: 416 with `Content-Range: bytes *\/<size>`. `If-Match` naming another content (strong comparison), or without If-Match an `If-Unmodified-Since` before the Last-Modified: 412 PRECONDITION_FAILED. `If-None-Match` naming the content, or without If-None-Match an `If-Modified-Since` not before the Last-Modified: 304. A date that is not an HTTP date is ignored. HEAD answers the headers GET would (its 304, 412, 206 and 416 too) from the document's details, without reading the file. External documents are not redirected to: a redirect would hand the caller's API key header to another host with clients that forward custom headers.
         *
         *     **Credentials:** an API key with `documents:read` (or `documents:*`, `read`, `*`).
         */
        get: operations["downloadDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/documents/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Share a document: emits document.shared for a webhook consumer to deliver
         * @description crmd sends no mail and grants no access: it checks the recipients (valid emails, contacts of this tenant), records the share in the activity log and emits document.shared with the document as data and {emails, contact_ids, message, shared_by} as metadata.
         *
         *     **Credentials:** an API key with `documents:write` (or `documents:*`, `write`, `*`).
         */
        post: operations["shareDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contacts (filters: email, search, company_id, tags)
         * @description **Credentials:** an API key with `contacts:read` (or `contacts:*`, `read`, `*`).
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Create a contact (needs a name or an email)
         * @description **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/contacts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 500 contacts, matched by their first email
         * @description A record whose first email (case-insensitive) belongs to a live contact updates that contact (fields absent stay); other records create contacts. One transaction; each record succeeds or fails alone, with per-record results.
         *
         *     **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        post: operations["bulkUpsertContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contact
         * @description **Credentials:** an API key with `contacts:read` (or `contacts:*`, `read`, `*`).
         */
        get: operations["getContact"];
        /**
         * Replace a contact (seed 000's PUT of a client: fields left out are emptied, except the opt-out flags, which are kept)
         * @description **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        put: operations["replaceContact"];
        post?: never;
        /**
         * Delete a contact (a tombstone stays in sync feeds)
         * @description **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Update a contact (fields absent stay as they are)
         * @description **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/api/external/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List companies (filters: name, website/domain, search, tags)
         * @description **Credentials:** an API key with `companies:read` (or `companies:*`, `read`, `*`).
         */
        get: operations["listCompanies"];
        put?: never;
        /**
         * Create a company
         * @description **Credentials:** an API key with `companies:write` (or `companies:*`, `write`, `*`).
         */
        post: operations["createCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/companies/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 500 companies, matched by domain
         * @description A record whose domain (or website's domain) belongs to a live company updates that company (fields absent stay); other records create companies (name required). One transaction; each record succeeds or fails alone, with per-record results.
         *
         *     **Credentials:** an API key with `companies:write` (or `companies:*`, `write`, `*`).
         */
        post: operations["bulkUpsertCompanies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a company, optionally with its contacts, open deals and recent activity
         * @description `include=contacts` needs contacts:read, `include=deals` deals:read, `include=activity` activity:read (403 otherwise); `include=associations` adds the company's links by object type.
         *
         *     **Credentials:** an API key with `companies:read` (or `companies:*`, `read`, `*`).
         */
        get: operations["getCompany"];
        put?: never;
        post?: never;
        /**
         * Delete a company (a tombstone stays in sync feeds)
         * @description **Credentials:** an API key with `companies:write` (or `companies:*`, `write`, `*`).
         */
        delete: operations["deleteCompany"];
        options?: never;
        head?: never;
        /**
         * Update a company (fields absent stay as they are, address parts too)
         * @description **Credentials:** an API key with `companies:write` (or `companies:*`, `write`, `*`).
         */
        patch: operations["updateCompany"];
        trace?: never;
    };
    "/api/external/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notes, all or one entity's (contact_id, company_id, deal_id, lead_id or task_id)
         * @description **Credentials:** an API key with `notes:read` (or `activities:read`, `notes:*`, `read`, `*`).
         */
        get: operations["listNotes"];
        put?: never;
        /**
         * Attach a note to a contact, company, deal, lead or task
         * @description Give exactly one of contact_id, company_id, deal_id, lead_id, task_id. `status` is for contact and company notes. seed 004's `activities:write` permission is accepted for notes:write.
         *
         *     **Credentials:** an API key with `notes:write` (or `activities:write`, `notes:*`, `write`, `*`).
         */
        post: operations["createNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a note
         * @description **Credentials:** an API key with `notes:read` (or `activities:read`, `notes:*`, `read`, `*`).
         */
        get: operations["getNote"];
        put?: never;
        post?: never;
        /**
         * Delete a note (a tombstone stays in sync feeds)
         * @description **Credentials:** an API key with `notes:write` (or `activities:write`, `notes:*`, `write`, `*`).
         */
        delete: operations["deleteNote"];
        options?: never;
        head?: never;
        /**
         * Update a note's text, status or attachments
         * @description **Credentials:** an API key with `notes:write` (or `activities:write`, `notes:*`, `write`, `*`).
         */
        patch: operations["updateNote"];
        trace?: never;
    };
    "/api/external/interactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's timeline: notes, emails, SMS, calls and meetings, newest first
         * @description Filter by contact_id, company_id or deal_id (all given must match) and type. Emails, SMS and calls link to the contact, its company and a deal; notes to the one record they are attached to; meetings to their contact, attendees and deal (company_id: meetings attended by the company's contacts). `since` / `cursor` turn the list into a change feed across all of them (oldest change first, deletions as tombstones). Notes need notes:read and meetings calendar:read as well: without it they are left out, and asking for that type is 403.
         *
         *     **Credentials:** an API key with `interactions:read` (or `read`, `*`).
         */
        get: operations["listInteractions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The suppression list: addresses and numbers sends are refused to
         * @description Per tenant: email addresses that bounced (reason bounce, the server's diagnostic in detail) or opted out, and phone numbers that opted out of SMS (a stop keyword, or a contact's sms_opt_out). A send to one is 409 ADDRESS_BOUNCED or OPTED_OUT. Filters: channel, reason, address. Newest first by page; with `cursor`, oldest first after the cursor (keep `next_cursor`). Entries joining and leaving the list are the events suppression.created and suppression.deleted.
         *
         *     **Credentials:** an API key with `suppressions:read` (or `suppressions:*`, `read`, `*`).
         */
        get: operations["listSuppressions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/suppressions/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether an address or number is suppressed, and why
         * @description 404 when sends to it are not refused by the list.
         *
         *     **Credentials:** an API key with `suppressions:read` (or `suppressions:*`, `read`, `*`).
         */
        get: operations["getSuppression"];
        put?: never;
        post?: never;
        /**
         * Lift an email suppression (a bounced mailbox that works again)
         * @description Sends to the address are allowed again (suppression.deleted). Lifting an opt-out is the person opting back in: contacts having the address get email_opt_out false (contact.updated). An SMS opt-out cannot be lifted here (409 OPTED_OUT): the recipient texts START (carrier rules), or an opt-out recorded through the API is lifted with sms_opt_out false on the contact. 404 when the address is not on the list.
         *
         *     **Credentials:** an API key with `suppressions:write` (or `suppressions:*`, `write`, `*`).
         */
        delete: operations["deleteSuppression"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/interactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an email, SMS or call
         * @description **Credentials:** an API key with `interactions:read` (or `read`, `*`).
         */
        get: operations["getInteraction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/email/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an email (queued; answered 202 with the interaction, status queued)
         * @description The email is queued in the transaction that records it and sent over SMTP by a background worker, with retries; its status becomes sent or failed (with the server's answer) and email.sent / email.failed are emitted. Attachments need documents:read as well (403), contact_id or {{contact.*}} placeholders filled from the contact need contacts:read, in_reply_to interactions:read (403). A recipient in To, Cc or Bcc who opted out (the contact's email_opt_out) is 409 OPTED_OUT, an address that bounced 409 ADDRESS_BOUNCED; one who opts out while the email is queued makes it failed, not sent. Counts against the tenant's hourly send limit (429).
         *
         *     **Credentials:** an API key with `email:send` (or `*`).
         */
        post: operations["sendEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/email/inbound-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or rotate the tenant's inbound email secret (shown once)
         * @description Relays post received email to POST /email/inbound with this secret as the password of HTTP Basic auth (`https://relay:<secret>@crm.example.com/api/external/email/inbound`) or in `X-Inbound-Secret`. Rotating retires the previous secret at once. Besides keys:manage the calling key needs contacts:write, documents:write and interactions:read: what the relay does.
         *
         *     **Credentials:** an API key with `keys:manage` (or `*`).
         */
        post: operations["rotateEmailInboundSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/email/team-addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The team's own email addresses and domains
         * @description The mailboxes received email treats as the team's (see PUT /email/team-addresses); CRMD_EMAIL_FROM, always the team's, is not listed.
         *
         *     **Credentials:** an API key with `interactions:read` (or `read`, `*`).
         */
        get: operations["getEmailTeamAddresses"];
        /**
         * Replace the team's own email addresses and domains
         * @description The tenant's support inboxes and agents' addresses (`support@acme.com`, `sales@acme.com`) and whole domains (`@acme.com`), replacing the list (`[]`: none). Entries are matched in any case, stored lower case, each once, in the order given; one that is neither an address nor `@domain` is 422 at `/addresses/<i>`. Received email then never makes one of them a participant of an email conversation, an agent's reply never Cc's one (also one recorded as a participant before), and an email from one of them is the team's: in a conversation's thread it becomes an agent message (author_id the address; not sent again), elsewhere it opens no conversation. The list is this tenant's only. Needs keys:manage: it decides which emails count as the customer's.
         *
         *     **Credentials:** an API key with `keys:manage` (or `*`).
         */
        put: operations["setEmailTeamAddresses"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/email/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an email: a raw RFC 5322 message as a relay forwards it
         * @description Authenticated by the tenant's inbound secret (see POST /email/inbound-secret), not an API key. The body is the raw message (Content-Type message/rfc822, text/plain or application/octet-stream), up to the upload limit. The sender is matched to a contact by email (or a contact is created from the From header), the message threads to the earlier one it answers (In-Reply-To, then References), attachments become documents of the contact, and email.received is emitted. An email from one of the team's own addresses (PUT /email/team-addresses, CRMD_EMAIL_FROM) makes no contact: it is linked to its thread's customer, and in a conversation's thread it is an agent message. The same Message-ID again (for a message without one, the same bytes) answers 200 with the interaction recorded first. A delivery status notification (multipart/report; report-type=delivery-status: a bounce) creates no contact and no inbound email: the recipients it reports as failed are marked on the email crmd sent (bounced_recipients; status bounced once all have) and suppressed for later sends (409 ADDRESS_BOUNCED), email.bounced is emitted, and the answer is 200 with that email; 204 when it names no email of the tenant.
         *
         *     **Credentials:** the tenant's inbound email secret, as the password of HTTP Basic auth.
         */
        post: operations["receiveInboundEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/sms/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an SMS (queued; answered 202 with the interaction, status queued)
         * @description Numbers in E.164, validated with libphonenumber. contact_id needs contacts:read as well (403). Sent through the configured provider (CRMD_SMS_PROVIDER=twilio) by the background sender with retries; status becomes sent (the provider took it) or failed, then delivered or failed from the provider's status callbacks; sms.sent, sms.failed, sms.delivered. A recipient who opted out (sms_opt_out, or STOP) is 409 OPTED_OUT; one who opts out while the SMS is queued makes it failed, not sent, as does its sender number being recorded for another tenant meanwhile. Counts against the tenant's hourly send limit (429). from must be one of the tenant's SMS numbers (recorded by the operator; default the first), or, for a tenant with none, CRMD_SMS_FROM (the default) unless that is another tenant's: any other is 422 at /from.
         *
         *     **Credentials:** an API key with `sms:send` (or `*`).
         */
        post: operations["sendSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/sms/inbound/twilio/{tenant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio's incoming-message webhook: records an inbound SMS
         * @description Set as the number's messaging webhook (`https://crm.example.com/api/external/sms/inbound/twilio/<tenant id>`). (or POST /api/twilio/webhook, which finds the tenant by the To number). Requests must carry a valid X-Twilio-Signature (HMAC-SHA1 with the auth token over the URL and the form): without one 401, a wrong one 403. STOP-like keywords opt the number and its contact out of SMS, START-like ones back in. Emits sms.received. A message whose To is a sender number recorded for another tenant is 409 and not recorded (its webhook names the wrong tenant).
         *
         *     **Credentials:** Twilio's signature of the request (`X-Twilio-Signature`).
         */
        post: operations["receiveTwilioSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/sms/status/twilio/{tenant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio's status callback: delivered, undelivered or failed
         * @description crmd passes this URL, naming the SMS in interaction_id, as StatusCallback when CRMD_PUBLIC_URL is set; a callback that comes before Twilio's answer to the send is recorded still applies (the SMS becomes sent with that SID, then delivered or failed). Statuses only move forward: a delivered or failed SMS stays so. Signed like the incoming-message webhook (401 without a signature, 403 with a wrong one).
         *
         *     **Credentials:** Twilio's signature of the request (`X-Twilio-Signature`).
         */
        post: operations["receiveTwilioSmsStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a call
         * @description Emits call.started, and call.ended when the call already has ended_at. Without ended_at the call stays in_progress until PATCH /calls/{id} gives it.
         *
         *     **Credentials:** an API key with `calls:write` (or `write`, `*`).
         */
        post: operations["createCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * End a call, or correct its outcome, recording or notes
         * @description The first `ended_at` a call gets completes it and emits `call.ended`, once; a later correction emits no event. The id of an email or SMS is 409.
         *
         *     **Credentials:** an API key with `calls:write` (or `write`, `*`).
         */
        patch: operations["updateCall"];
        trace?: never;
    };
    "/api/external/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search contacts, companies, deals, leads, notes, MLS properties and custom objects' records
         * @description Names, emails, phone numbers, deal titles and descriptions, lead company names, note texts, MLS properties' titles, numbers, addresses, agents and descriptions, and the text values of custom objects' records (type: the object's plural), best match first. Needs search:read plus the read scope of each type searched.
         *
         *     **Credentials:** an API key with `search:read` (or `search:*`, `read`, `*`).
         */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pipeline data: every pipeline with its stages and, per stage, count, value, average time in stage and records past SLA
         * @description Sales pipelines' figures are their open deals', qualification pipelines' their open leads': each type shows only to keys that also have deals:read (leads:read); pipeline_type naming the other is 403. GET /pipelines lists every pipeline with pipelines:read.
         *
         *     **Credentials:** an API key with `pipelines:read` (or `pipelines:*`, `read`, `*`).
         */
        get: operations["getPipelineOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pipelines with their stages
         * @description **Credentials:** an API key with `pipelines:read` (or `pipelines:*`, `read`, `*`).
         */
        get: operations["listPipelines"];
        put?: never;
        /**
         * Create a pipeline with ordered stages
         * @description **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        post: operations["createPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/pipelines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a pipeline with its stages in order
         * @description **Credentials:** an API key with `pipelines:read` (or `pipelines:*`, `read`, `*`).
         */
        get: operations["getPipeline"];
        put?: never;
        post?: never;
        /**
         * Delete a pipeline (409 while it has open deals or leads)
         * @description Soft: a `since` or `cursor` feed shows the tombstone. When it was the default pipeline of its type, another of that type becomes the default. Emits `pipeline.deleted`.
         *
         *     **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        delete: operations["deletePipeline"];
        options?: never;
        head?: never;
        /**
         * Update a pipeline; `stages` replaces and reorders its stages
         * @description **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        patch: operations["updatePipeline"];
        trace?: never;
    };
    "/api/external/pipelines/{id}/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a stage (answers the pipeline)
         * @description **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        post: operations["createPipelineStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/pipelines/{id}/stages/{stage_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a stage (409 while deals or leads are in it; answers the pipeline)
         * @description **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        delete: operations["deletePipelineStage"];
        options?: never;
        head?: never;
        /**
         * Update or move a stage (answers the pipeline)
         * @description **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        patch: operations["updatePipelineStage"];
        trace?: never;
    };
    "/api/external/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deals (newest first; with `since` or `cursor`: a change feed, oldest change first, tombstones included)
         * @description **Credentials:** an API key with `deals:read` (or `deals:*`, `read`, `*`).
         */
        get: operations["listDeals"];
        put?: never;
        /**
         * Create a deal
         * @description Without `pipeline_id`, `stage_id` or `stage` the deal starts in the tenant's default sales pipeline, at its first open stage; a stage that does not exist or belongs to another pipeline is 422 at its field, and so is a linked record (`lead_id`, `contact_id`, `company_id`, `partner_id`) this tenant does not have. Emits `deal.created`, and `deal.won` / `deal.lost` when it starts in a won / lost stage.
         *
         *     **Credentials:** an API key with `deals:write` (or `deals:*`, `write`, `*`).
         */
        post: operations["createDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a deal
         * @description **Credentials:** an API key with `deals:read` (or `deals:*`, `read`, `*`).
         */
        get: operations["getDeal"];
        put?: never;
        post?: never;
        /**
         * Delete a deal (a tombstone stays in sync feeds)
         * @description Answers the deleted deal with `deleted_at` set; it is then 404 here, and a `since` or `cursor` feed shows the tombstone. Emits `deal.deleted`.
         *
         *     **Credentials:** an API key with `deals:write` (or `deals:*`, `write`, `*`).
         */
        delete: operations["deleteDeal"];
        options?: never;
        head?: never;
        /**
         * Update a deal (partial); a new stage_id or stage moves it like POST /move
         * @description Emits `deal.updated` with `metadata.changed_fields` when anything but the stage changed; a move emits `deal.stage_changed` (`metadata.old_stage`, `new_stage`, `old_stage_id`, `new_stage_id`) and, on reaching a won / lost stage, `deal.won` / `deal.lost`. A body that changes nothing emits nothing.
         *
         *     **Credentials:** an API key with `deals:write` (or `deals:*`, `write`, `*`).
         */
        patch: operations["updateDeal"];
        trace?: never;
    };
    "/api/external/deals/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a deal to another stage of its pipeline (by id or name); won / lost stages close it, open ones reopen it
         * @description Emits `deal.stage_changed` (`metadata.old_stage`, `new_stage`, `old_stage_id`, `new_stage_id`), and `deal.won` / `deal.lost` on reaching a won / lost stage (`won_at` / `lost_at` set; `lost_reason` kept). Moving to the stage it is in changes nothing and emits nothing.
         *
         *     **Credentials:** an API key with `deals:write` (or `deals:*`, `write`, `*`).
         */
        post: operations["moveDeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List leads (newest first; with `since` or `cursor`: a change feed, oldest change first, tombstones included)
         * @description **Credentials:** an API key with `leads:read` (or `leads:*`, `read`, `*`).
         */
        get: operations["listLeads"];
        put?: never;
        /**
         * Create a lead
         * @description Placed in the tenant's default qualification pipeline (when it has one) unless `pipeline_id`, `stage_id` or `stage` names another place. Emits `lead.created`.
         *
         *     **Credentials:** an API key with `leads:write` (or `leads:*`, `write`, `*`).
         */
        post: operations["createLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a lead
         * @description **Credentials:** an API key with `leads:read` (or `leads:*`, `read`, `*`).
         */
        get: operations["getLead"];
        put?: never;
        post?: never;
        /**
         * Delete a lead (a tombstone stays in sync feeds)
         * @description Answers the deleted lead with `deleted_at` set; it is then 404 here, and a `since` or `cursor` feed shows the tombstone. Emits `lead.deleted`.
         *
         *     **Credentials:** an API key with `leads:write` (or `leads:*`, `write`, `*`).
         */
        delete: operations["deleteLead"];
        options?: never;
        head?: never;
        /**
         * Update a lead (partial); a new stage_id or stage moves it (lead.updated with old_stage / new_stage)
         * @description **Credentials:** an API key with `leads:write` (or `leads:*`, `write`, `*`).
         */
        patch: operations["updateLead"];
        trace?: never;
    };
    "/api/external/leads/{id}/qualify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Qualify a lead (lead.qualified)
         * @description Sets `status` qualified and stamps `qualified_at` (which the KPIs count). A converted lead is 409.
         *
         *     **Credentials:** an API key with `leads:write` (or `leads:*`, `write`, `*`).
         */
        post: operations["qualifyLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/leads/{id}/disqualify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disqualify a lead, with a reason (lead.disqualified)
         * @description Sets `status` disqualified, stamps `disqualified_at` and keeps `disqualify_reason`. A converted lead is 409.
         *
         *     **Credentials:** an API key with `leads:write` (or `leads:*`, `write`, `*`).
         */
        post: operations["disqualifyLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/leads/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convert a lead: creates its deal in a sales pipeline and marks the lead converted, in one transaction
         * @description Needs deals:write as well (403 otherwise, checked before the body is validated): it creates a deal.
         *
         *     **Credentials:** an API key with `leads:write` (or `leads:*`, `write`, `*`).
         */
        post: operations["convertLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/deals/{id}/handoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start handing a deal off to another owner (handoff.initiated)
         * @description Needs deals:read as well (403 otherwise): a handoff shows its deal.
         *
         *     **Credentials:** an API key with `handoffs:write` (or `handoffs:*`, `write`, `*`).
         */
        post: operations["startDealHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/leads/{id}/handoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start handing a lead off to another owner (handoff.initiated)
         * @description Needs leads:read as well (403 otherwise): a handoff shows its lead.
         *
         *     **Credentials:** an API key with `handoffs:write` (or `handoffs:*`, `write`, `*`).
         */
        post: operations["startLeadHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/handoffs/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a handoff: applies the new owner / pipeline / stage to the deal or lead (handoff.completed)
         * @description Needs deals:write (leads:write) as well for a handoff of a deal (lead): completing changes it (403 otherwise). 404 when the key lacks deals:read (leads:read).
         *
         *     **Credentials:** an API key with `handoffs:write` (or `handoffs:*`, `write`, `*`).
         */
        post: operations["completeHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/handoffs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending handoff (handoff.cancelled)
         * @description **Credentials:** an API key with `handoffs:write` (or `handoffs:*`, `write`, `*`).
         */
        post: operations["cancelHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/handoffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List handoffs
         * @description Only handoffs of the types the key may read: deals' with deals:read, leads' with leads:read; entity_type naming another type is 403.
         *
         *     **Credentials:** an API key with `handoffs:read` (or `handoffs:*`, `read`, `*`).
         */
        get: operations["listHandoffs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/handoffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a handoff with its deal or lead
         * @description 404 for a handoff of a deal (lead) when the key lacks deals:read (leads:read), as on complete and cancel.
         *
         *     **Credentials:** an API key with `handoffs:read` (or `handoffs:*`, `read`, `*`).
         */
        get: operations["getHandoff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/scheduler": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scheduler jobs: last run, duration, outcome, next run and lease holder
         * @description **Credentials:** the admin token (`Authorization: Bearer <CRMD_ADMIN_TOKEN>`).
         */
        get: operations["getScheduler"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/business-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the business-hours calendar SLA clocks count in (404 when none is set)
         * @description **Credentials:** an API key with `pipelines:read` (or `pipelines:*`, `read`, `*`).
         */
        get: operations["getBusinessHours"];
        /**
         * Set the business-hours calendar: SLA clocks then count only working time in its time zone
         * @description **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        put: operations["replaceBusinessHours"];
        post?: never;
        /**
         * Remove the business-hours calendar: SLA clocks count all the time again
         * @description **Credentials:** an API key with `pipelines:write` (or `pipelines:*`, `write`, `*`).
         */
        delete: operations["deleteBusinessHours"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook (the signing secret is shown only once)
         * @description Each delivery is a POST of the event's JSON (its shape per type: the document's `webhooks` section), signed with `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` and the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`). At least once: a failed delivery is retried with backoff (by default after 1 min, 5 min, 15 min, 1 h, 6 h), at most 1000 deliveries an hour per webhook (the excess waits), and a webhook that keeps failing is disabled (`disabled_reason`) until `is_active: true` is sent again. A URL naming a private, loopback or link-local address is 422 (a host name resolving to one fails at delivery) unless the operator allows them (CRMD_WEBHOOK_ALLOW_PRIVATE).
         *
         *     **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook with its most recent deliveries
         * @description **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        get: operations["getWebhook"];
        /**
         * Update a webhook (omitted fields are kept)
         * @description `is_active: true` re-enables a webhook crmd disabled after repeated failures (its `disabled_reason` is cleared). A header value sent as `********` keeps its stored value.
         *
         *     **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        put: operations["replaceWebhook"];
        post?: never;
        /**
         * Delete a webhook and its delivery log
         * @description **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/webhooks/test/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a webhook.test event now and report the receiver's answer
         * @description One attempt, signed as any delivery, also to an inactive webhook, and not retried; it shows in the delivery log. The answer says whether the receiver took it (2xx), with its status code and the time taken, or the error.
         *
         *     **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The webhook's delivery log, newest first, with every attempt
         * @description **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again (queued now, fresh retry schedule)
         * @description The same event (same `id`, so a receiver can de-duplicate), signed anew when sent. 409 while the webhook is inactive.
         *
         *     **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send again every failed delivery created since a time
         * @description Failed test sends (webhook.test) are not replayed: send another test.
         *
         *     **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        post: operations["replayWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret (shown once); for 24 h deliveries are signed with both
         * @description During the overlap `X-Webhook-Signature` carries the new secret's signature and `webhook-signature` both (`v1,<new> v1,<old>`), so receivers can switch at their own pace; `previous_secret_expires_at` says when the old one stops.
         *
         *     **Credentials:** an API key with `webhooks:manage` (or `webhook`, `webhooks`, `*`).
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks (seed 001 filters, plus links, due range, tags; cursor sync)
         * @description `status=overdue` lists pending tasks whose due time has passed (each row's `is_overdue` says the same, computed at the time of the answer). With `since` or `cursor`: a change feed, oldest change first, tombstones included.
         *
         *     **Credentials:** an API key with `tasks:read` (or `tasks:*`, `read`, `*`).
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task (emits task.created)
         * @description **Credentials:** an API key with `tasks:write` (or `tasks:*`, `write`, `*`).
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description **Credentials:** an API key with `tasks:read` (or `tasks:*`, `read`, `*`).
         */
        get: operations["getTask"];
        /**
         * Replace a task (seed 000's PUT: fields left out are emptied)
         * @description **Credentials:** an API key with `tasks:write` (or `tasks:*`, `write`, `*`).
         */
        put: operations["replaceTask"];
        post?: never;
        /**
         * Delete a task (soft: sync feeds show the tombstone; emits task.deleted)
         * @description **Credentials:** an API key with `tasks:write` (or `tasks:*`, `write`, `*`).
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Update a task (emits task.updated; also task.completed when status becomes completed)
         * @description **Credentials:** an API key with `tasks:write` (or `tasks:*`, `write`, `*`).
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/external/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a task (emits task.completed)
         * @description Idempotent: completing a completed task returns it unchanged, keeps the first completed_at and emits nothing.
         *
         *     **Credentials:** an API key with `tasks:write` (or `tasks:*`, `write`, `*`).
         */
        post: operations["completeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List partners with lead_count, deal_count, won_deals and won_value
         * @description **Credentials:** an API key with `partners:read` (or `partners:*`, `read`, `*`).
         */
        get: operations["listPartners"];
        put?: never;
        /**
         * Create a partner (409 if the name is taken)
         * @description **Credentials:** an API key with `partners:write` (or `partners:*`, `write`, `*`).
         */
        post: operations["createPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a partner with its figures
         * @description **Credentials:** an API key with `partners:read` (or `partners:*`, `read`, `*`).
         */
        get: operations["getPartner"];
        put?: never;
        post?: never;
        /**
         * Delete a partner (soft; frees the name; emits partner.deleted)
         * @description **Credentials:** an API key with `partners:write` (or `partners:*`, `write`, `*`).
         */
        delete: operations["deletePartner"];
        options?: never;
        head?: never;
        /**
         * Update a partner (emits partner.updated)
         * @description **Credentials:** an API key with `partners:write` (or `partners:*`, `write`, `*`).
         */
        patch: operations["updatePartner"];
        trace?: never;
    };
    "/api/external/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the activity log (seed 001: entity_type, entity_id, since; plus action, cursor)
         * @description Append-only. Newest first; with `since` (written at or after) or `cursor`, oldest first in commit order. A key sees the changes of the records it may read (deals:read for deals, and so on; links need every type; webhooks and SLA need webhooks:manage): the others are left out, and an entity_type it may not read is 403.
         *
         *     **Credentials:** an API key with `activity:read` (or `activity:*`, `read`, `*`).
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * KPIs for the current calendar period (default month)
         * @description Period start: the current week (Monday 00:00 UTC), month, quarter (Jan/Apr/Jul/Oct) or year, in UTC. leads.total: created in the period; qualified: qualified_at in the period; qualification_rate = qualified/total×100. deals.total: created in the period, open/won/lost by their current status; win_rate = won/(won+lost)×100. pipeline.value: all open deals; won_value: deals won in the period. tasks.total: created in the period; overdue: all pending tasks past due now. Deleted rows never count.
         *
         *     **Credentials:** an API key with `kpis:read` (or `kpis:*`, `read`, `*`).
         */
        get: operations["getKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List conversations (filters: status, assignee, unassigned, customer_id, channel, priority, tags, unread, archived; sort)
         * @description An inbox: `status=open&unassigned=true` lists the conversations nobody has taken, `sort=-last_message_at` puts the latest activity first (the last message's sent_at, or the opening of a conversation without messages), `sort=last_message_at` the longest quiet first. Ties by id. Default: newest opened first. `since` and `cursor` feeds go by change whatever `sort` says.
         *
         *     **Credentials:** an API key with `conversations:read` (or `conversations:*`, `read`, `*`).
         */
        get: operations["listConversations"];
        put?: never;
        /**
         * Open a conversation with a customer (a contact)
         * @description **Credentials:** an API key with `conversations:write` (or `conversations:*`, `write`, `*`).
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a conversation
         * @description **Credentials:** an API key with `conversations:read` (or `conversations:*`, `read`, `*`).
         */
        get: operations["getConversation"];
        /**
         * Replace a conversation's status, assignee, priority, subject and tags (seed 003's PUT: fields left out are emptied; participants left out are kept)
         * @description **Credentials:** an API key with `conversations:write` (or `conversations:*`, `write`, `*`).
         */
        put: operations["replaceConversation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a conversation: status, assignee, priority, subject, tags; participants to keep
         * @description `participants` lists the email thread's participants to keep: the others are removed (no longer Cc'd on agents' replies; their replies open their own conversation). Only people of the thread can be given (422 otherwise); a removed one given again comes back. Emits `conversation.updated`.
         *
         *     **Credentials:** an API key with `conversations:write` (or `conversations:*`, `write`, `*`).
         */
        patch: operations["updateConversation"];
        trace?: never;
    };
    "/api/external/conversations/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a conversation (conversation.archived)
         * @description **Credentials:** an API key with `conversations:write` (or `conversations:*`, `write`, `*`).
         */
        post: operations["archiveConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/conversations/{id}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bring an archived conversation back to the inbox (conversation.unarchived)
         * @description **Credentials:** an API key with `conversations:write` (or `conversations:*`, `write`, `*`).
         */
        post: operations["unarchiveConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/conversations/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Share a conversation with a teammate
         * @description Adds the teammate (by name) to `shared_with`; sharing with one already there changes nothing and emits nothing. Emits `conversation.updated`.
         *
         *     **Credentials:** an API key with `conversations:write` (or `conversations:*`, `write`, `*`).
         */
        post: operations["shareConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/conversations/{id}/seen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark the customer's messages seen by the agents (message.seen each)
         * @description Marks the customer's unseen messages (or those of `message_ids`) oldest first in thread order (sent_at, ties by id), at most 500 a call; `up_to` stops at that message, it included.
         *
         *     **Credentials:** an API key with `messages:write` (or `messages:*`, `write`, `*`).
         */
        post: operations["markConversationSeen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List messages (filters: conversation_id, customer_id, author_type, channel, unseen)
         * @description Newest first by `sent_at` (the time the message was sent: an imported email or SMS keeps its own), ties by id: a conversation's thread in the order the widget shows it, from its end. `since` and `cursor` feeds go by change, oldest first.
         *
         *     **Credentials:** an API key with `messages:read` (or `messages:*`, `read`, `*`).
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Send a message in a conversation
         * @description 201 with the new message; a customer's message reopens a closed or pending conversation (conversation.updated). With an `external_id` that a live message of this tenant already has: 200 with that message, nothing written (dedupe of channel retries). A deleted message frees its `external_id`: sent again, it makes a new message (201).
         *
         *     **Credentials:** an API key with `messages:write` (or `messages:*`, `write`, `*`).
         */
        post: operations["createMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message
         * @description **Credentials:** an API key with `messages:read` (or `messages:*`, `read`, `*`).
         */
        get: operations["getMessage"];
        /**
         * Replace a message's body and attachments (seed 003's PUT: attachments left out are removed)
         * @description **Credentials:** an API key with `messages:write` (or `messages:*`, `write`, `*`).
         */
        put: operations["replaceMessage"];
        post?: never;
        /**
         * Delete a message (a tombstone stays in sync feeds)
         * @description **Credentials:** an API key with `messages:write` (or `messages:*`, `write`, `*`).
         */
        delete: operations["deleteMessage"];
        options?: never;
        head?: never;
        /**
         * Edit a message's body or attachments
         * @description **Credentials:** an API key with `messages:write` (or `messages:*`, `write`, `*`).
         */
        patch: operations["updateMessage"];
        trace?: never;
    };
    "/api/external/customers/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find or create the customer with this email and/or external id
         * @description The contact linked to `external_id`, else the contact with this email (any of its emails), else a new contact (201). An `external_id` given is linked to the contact found. Calling it again with the same identity answers the same customer (200).
         *
         *     **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        post: operations["identifyCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers (the contacts, with their external ids)
         * @description **Credentials:** an API key with `contacts:read` (or `contacts:*`, `read`, `*`).
         */
        get: operations["listCustomers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer (a contact)
         * @description **Credentials:** an API key with `contacts:read` (or `contacts:*`, `read`, `*`).
         */
        get: operations["getCustomer"];
        /**
         * Replace a customer (as PUT /contacts/{id}: fields left out are emptied, except the opt-out flags)
         * @description **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        put: operations["replaceCustomer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a customer (as PATCH /contacts/{id})
         * @description **Credentials:** an API key with `contacts:write` (or `contacts:*`, `write`, `*`).
         */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/api/external/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event log: every event, oldest first, cursor-paged
         * @description Events of the key's tenant in commit order (per entity, the order they happened), as webhooks deliver them. Filters: `types` (exact, `prefix.*`), `since`. A key sees the events of the resources it may read (`<resource>:read`; an association's, with both linked objects' `:read`; a handoff's, with `handoffs:read` and its deal's or lead's `:read`); a key with `webhooks:manage` sees every event. Keep `next_cursor` and pass it as `cursor` to get only what came after. Events are kept as long as webhook deliveries are (CRMD_WEBHOOK_RETENTION_DAYS).
         *
         *     **Credentials:** an API key with `events:read` (or `read`, `*`).
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event log as Server-Sent Events, resumable with Last-Event-ID
         * @description Needs `Accept: text/event-stream` (406 otherwise; EventSource sends it). Each event is an SSE message: `id` (its cursor), `event` (its type), `data` (the webhook payload). Without `Last-Event-ID` or `cursor` the stream starts with the next event; with either, right after that event (the backlog first). A comment line every CRMD_LIVE_HEARTBEAT_SECONDS keeps idle connections open. Same filters and scope rules as GET /events. Events committed by other instances on the same database arrive within CRMD_LIVE_POLL_MS.
         *
         *     **Credentials:** an API key with `events:read` (or `read`, `*`).
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/fields/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the custom fields of an object type (deals, contacts, …)
         * @description **Credentials:** an API key with `fields:read` (or `fields:*`, `read`, `*`).
         */
        get: operations["listCustomFields"];
        put?: never;
        /**
         * Define a custom field
         * @description Values already stored under the key are converted to the type, or the definition is refused (422 listing the records).
         *
         *     **Credentials:** an API key with `fields:write` (or `fields:*`, `write`, `*`).
         */
        post: operations["createCustomField"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/fields/{object}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a custom field definition
         * @description **Credentials:** an API key with `fields:read` (or `fields:*`, `read`, `*`).
         */
        get: operations["getCustomField"];
        put?: never;
        post?: never;
        /**
         * Remove a custom field; its values move to the records' archive
         * @description **Credentials:** an API key with `fields:write` (or `fields:*`, `write`, `*`).
         */
        delete: operations["deleteCustomField"];
        options?: never;
        head?: never;
        /**
         * Change a custom field (a new type converts every stored value or is refused)
         * @description **Credentials:** an API key with `fields:write` (or `fields:*`, `write`, `*`).
         */
        patch: operations["updateCustomField"];
        trace?: never;
    };
    "/api/external/fields/{object}/archived/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's values of removed custom fields
         * @description Needs the record's own read scope (e.g. deals:read) besides fields:read.
         *
         *     **Credentials:** an API key with `fields:read` (or `fields:*`, `read`, `*`).
         */
        get: operations["getArchivedCustomFieldValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/{object}/{id}/associations/{to}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's links to records of another object type
         * @description **Credentials:** an API key with `<object>:read` and `<to_object>:read`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`); `<to_object>`, the type in `to`, likewise.
         */
        get: operations["listAssociations"];
        /**
         * Replace a record's links to an object type (association.created / deleted)
         * @description **Credentials:** an API key with `<object>:write` and `<to_object>:read` (or :write); `<to_object>:write` where its records show these links (deals' contact_ids). `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`); `<to_object>`, the type in `to`, likewise.
         */
        put: operations["replaceAssociations"];
        post?: never;
        /**
         * Remove every link of a record to an object type
         * @description **Credentials:** an API key with `<object>:write` and `<to_object>:read` (or :write); `<to_object>:write` where its records show these links (deals' contact_ids). `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`); `<to_object>`, the type in `to`, likewise.
         */
        delete: operations["deleteAssociations"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/{object}/{id}/associations/{to}/{to_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Link two records (with an optional label); 201 when new, 200 when already linked
         * @description **Credentials:** an API key with `<object>:write` and `<to_object>:read` (or :write); `<to_object>:write` where its records show these links (deals' contact_ids). `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`); `<to_object>`, the type in `to`, likewise.
         */
        put: operations["createAssociation"];
        post?: never;
        /**
         * Unlink two records (only the link with `label` when given)
         * @description **Credentials:** an API key with `<object>:write` and `<to_object>:read` (or :write); `<to_object>:write` where its records show these links (deals' contact_ids). `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`); `<to_object>`, the type in `to`, likewise.
         */
        delete: operations["deleteAssociation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/object-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's custom object types
         * @description **Credentials:** an API key with `fields:read` (or `fields:*`, `read`, `*`).
         */
        get: operations["listObjectTypes"];
        put?: never;
        /**
         * Define a custom object type with its fields
         * @description Its records live at /objects/{plural}, with scopes `<plural>:read|write` and events `<name>.created|updated|deleted`.
         *
         *     **Credentials:** an API key with `fields:write` (or `fields:*`, `write`, `*`).
         */
        post: operations["createObjectType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/object-types/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a custom object type
         * @description **Credentials:** an API key with `fields:read` (or `fields:*`, `read`, `*`).
         */
        get: operations["getObjectType"];
        put?: never;
        post?: never;
        /**
         * Remove a custom object type without records
         * @description Refused (409) while it has live records or another object's reference field points at it. Removes it for good, in one transaction: its fields (`field.deleted` each), its deleted records' tombstones and archived values, then `object_type.deleted`. A type defined again under the same plural or name starts empty.
         *
         *     **Credentials:** an API key with `fields:write` (or `fields:*`, `write`, `*`).
         */
        delete: operations["deleteObjectType"];
        options?: never;
        head?: never;
        /**
         * Change a custom object type (fields: /fields/{plural})
         * @description **Credentials:** an API key with `fields:write` (or `fields:*`, `write`, `*`).
         */
        patch: operations["updateObjectType"];
        trace?: never;
    };
    "/api/external/objects/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a custom object's records (filters: search, cf.<key>, associated_with; since/cursor feeds with tombstones)
         * @description The list is keyed by the plural: `{"<plural>": [...], "total": …}`.
         *
         *     **Credentials:** an API key with `<object>:read`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        get: operations["listObjectRecords"];
        put?: never;
        /**
         * Create a record (values checked against the fields)
         * @description **Credentials:** an API key with `<object>:write`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        post: operations["createObjectRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/objects/{object}/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 500 records, matched by a unique field (match_by)
         * @description **Credentials:** an API key with `<object>:write`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        post: operations["bulkUpsertObjectRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/objects/{object}/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The JSON Schema of the tenant's records of this object
         * @description **Credentials:** an API key with `<object>:read`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        get: operations["getObjectRecordSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/objects/{object}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a record
         * @description **Credentials:** an API key with `<object>:read`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        get: operations["getObjectRecord"];
        /**
         * Replace a record's values (absent ones are removed; defaults apply)
         * @description **Credentials:** an API key with `<object>:write`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        put: operations["replaceObjectRecord"];
        post?: never;
        /**
         * Delete a record (a tombstone stays in sync feeds)
         * @description **Credentials:** an API key with `<object>:write`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        delete: operations["deleteObjectRecord"];
        options?: never;
        head?: never;
        /**
         * Update a record (values given merge; null removes one)
         * @description **Credentials:** an API key with `<object>:write`. `<object>` is the path's object type: a built-in one's scope name (`contacts`) or a custom object's plural (granted too by `objects:read` / `objects:write`).
         */
        patch: operations["updateObjectRecord"];
        trace?: never;
    };
    "/api/external/mls/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List properties (status, type, price and area ranges, bedrooms_min, city, postcode, near + radius_km)
         * @description **Credentials:** an API key with `mls:read` (or `mls:*`, `read`, `*`).
         */
        get: operations["listMlsProperties"];
        put?: never;
        /**
         * Create a property (property.created; 409 when a live listing has its MLS number)
         * @description **Credentials:** an API key with `mls:write` (or `mls:*`, `write`, `*`).
         */
        post: operations["createMlsProperty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/mls/properties/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 500 properties, matched by MLS number
         * @description A record whose mls_number belongs to a live listing updates that listing (fields absent stay, as PATCH); other records create listings (status and property_type required). One transaction; each record succeeds or fails alone, with per-record results.
         *
         *     **Credentials:** an API key with `mls:write` (or `mls:*`, `write`, `*`).
         */
        post: operations["bulkUpsertMlsProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/mls/properties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a property
         * @description **Credentials:** an API key with `mls:read` (or `mls:*`, `read`, `*`).
         */
        get: operations["getMlsProperty"];
        /**
         * Replace a property (seed 000's PUT: fields absent are emptied)
         * @description **Credentials:** an API key with `mls:write` (or `mls:*`, `write`, `*`).
         */
        put: operations["replaceMlsProperty"];
        post?: never;
        /**
         * Delete a property (a tombstone stays in sync feeds)
         * @description **Credentials:** an API key with `mls:write` (or `mls:*`, `write`, `*`).
         */
        delete: operations["deleteMlsProperty"];
        options?: never;
        head?: never;
        /**
         * Update a property (fields absent stay)
         * @description **Credentials:** an API key with `mls:write` (or `mls:*`, `write`, `*`).
         */
        patch: operations["updateMlsProperty"];
        trace?: never;
    };
    "/api/external/widget-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's widget keys (revoked ones included)
         * @description **Credentials:** an API key with `keys:manage` (or `*`).
         */
        get: operations["listWidgetKeys"];
        put?: never;
        /**
         * Create a publishable widget key (pk_…, shown once) for a website chat widget
         * @description The answer also holds the key's identity verification secret, shown once. Besides keys:manage the calling key needs contacts:write, conversations:read, conversations:write, messages:read and messages:write: what the widget key's visitors do. Idempotency-Key is refused here: the answer holds secrets crmd never stores in clear.
         *
         *     **Credentials:** an API key with `keys:manage` (or `*`).
         */
        post: operations["createWidgetKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/external/widget-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a widget key: it and every visitor token it issued stop working
         * @description At once on this instance, on open sockets too; other instances within a second on PostgreSQL, within 10 seconds on a SQLite database several processes share. No live event committed after the revocation reaches its visitors' sockets, on any instance.
         *
         *     **Credentials:** an API key with `keys:manage` (or `*`).
         */
        delete: operations["deleteWidgetKey"];
        options?: never;
        head?: never;
        /**
         * Change a widget key's name, allowed origins, settings, visitor limit or whether it requires verified identities
         * @description **Credentials:** an API key with `keys:manage` (or `*`).
         */
        patch: operations["updateWidgetKey"];
        trace?: never;
    };
    "/api/external/widget-keys/{id}/rotate-identity-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the identity verification secret (shown once); for 24 h user_hash values made with the old one still verify
         * @description Tokens of visitors verified with the old secret end when it stops verifying; other visitor tokens stay valid. Besides keys:manage the calling key needs contacts:write, conversations:read, conversations:write, messages:read and messages:write: with the secret a site proves any customer. Idempotency-Key is refused here: the answer holds a secret crmd never stores in clear.
         *
         *     **Credentials:** an API key with `keys:manage` (or `*`).
         */
        post: operations["rotateWidgetKeyIdentitySecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "association.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * association.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["associationCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "association.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * association.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["associationDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "business_hours.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * business_hours.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["businessHoursDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "business_hours.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * business_hours.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["businessHoursUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "calendar.event.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * calendar.event.cancelled delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["calendarEventCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "calendar.event.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * calendar.event.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["calendarEventCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "calendar.event.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * calendar.event.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["calendarEventUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "call.ended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * call.ended delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["callEndedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "call.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * call.started delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["callStartedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "company.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * company.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["companyCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "company.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * company.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["companyDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "company.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * company.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["companyUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["contactCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["contactDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["contactUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.archived": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * conversation.archived delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["conversationArchivedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * conversation.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["conversationCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.identity_verified": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * conversation.identity_verified delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["conversationIdentityVerifiedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.unarchived": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * conversation.unarchived delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["conversationUnarchivedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * conversation.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["conversationUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deal.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * deal.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["dealCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deal.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * deal.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["dealDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deal.lost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * deal.lost delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["dealLostWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deal.stage_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * deal.stage_changed delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["dealStageChangedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deal.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * deal.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["dealUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deal.won": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * deal.won delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["dealWonWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "document.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * document.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["documentDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "document.shared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * document.shared delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["documentSharedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "document.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * document.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["documentUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "document.uploaded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * document.uploaded delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["documentUploadedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "email.bounced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * email.bounced delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["emailBouncedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "email.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * email.failed delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["emailFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "email.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * email.received delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["emailReceivedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "email.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * email.sent delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["emailSentWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "field.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * field.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["fieldCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "field.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * field.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["fieldDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "field.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * field.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["fieldUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "handoff.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * handoff.cancelled delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["handoffCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "handoff.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * handoff.completed delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["handoffCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "handoff.initiated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * handoff.initiated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["handoffInitiatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lead.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lead.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["leadCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lead.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lead.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["leadDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lead.disqualified": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lead.disqualified delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["leadDisqualifiedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lead.qualified": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lead.qualified delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["leadQualifiedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lead.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lead.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["leadUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["messageCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["messageDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.seen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.seen delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["messageSeenWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["messageUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "note.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * note.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["noteCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "note.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * note.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["noteDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "note.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * note.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["noteUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "object_type.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * object_type.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["objectTypeCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "object_type.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * object_type.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["objectTypeDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "object_type.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * object_type.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["objectTypeUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "partner.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * partner.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["partnerCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "partner.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * partner.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["partnerDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "partner.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * partner.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["partnerUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "pipeline.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * pipeline.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["pipelineCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "pipeline.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * pipeline.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["pipelineDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "pipeline.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * pipeline.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["pipelineUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "property.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * property.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["propertyCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "property.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * property.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["propertyDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "property.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * property.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["propertyUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sla.breach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sla.breach delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["slaBreachWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sla.warning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sla.warning delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["slaWarningWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sms.delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sms.delivered delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["smsDeliveredWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sms.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sms.failed delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["smsFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sms.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sms.received delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["smsReceivedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sms.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sms.sent delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["smsSentWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "suppression.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * suppression.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["suppressionCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "suppression.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * suppression.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["suppressionDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "task.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * task.completed delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["taskCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "task.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * task.created delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["taskCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "task.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * task.deleted delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["taskDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "task.overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * task.overdue delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["taskOverdueWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "task.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * task.updated delivery
         * @description Sent to each active webhook subscribed to this event type. Verify the signature over the raw body before parsing; answer 2xx within the timeout, anything else is retried.
         */
        post: operations["taskUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Activity: {
            /** Format: uuid */
            id: string;
            /** @description deal, lead, task, partner, … */
            entity_type: string;
            entity_id: string;
            /** @description created, updated, deleted, completed, stage_changed, … */
            action: string;
            actor: {
                /** @enum {string} */
                type: "api_key" | "admin" | "system";
                /** @description The API key's id */
                id: string | null;
                name: string | null;
            };
            /** @description Field-level changes of the entity's API view: {field: {old, new}} */
            changes: {
                [key: string]: {
                    old: unknown;
                    new: unknown;
                };
            };
            /** Format: date-time */
            created_at: string;
        };
        ActivityList: {
            activity: components["schemas"]["Activity"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        BulkResult: {
            results: ({
                /** @description Position of the record in `records` */
                index: number;
                /** @enum {string} */
                status: "created" | "updated";
                /** Format: uuid */
                id: string;
            } | {
                /** @description Position of the record in `records` */
                index: number;
                /** @constant */
                status: "error";
                errors: components["schemas"]["FieldError"][];
            })[];
            created: number;
            updated: number;
            failed: number;
        };
        CalendarEvent: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string | null;
            location: string | null;
            /** @description Timed events: local time in time_zone with its offset (2026-03-10T09:00:00.000+02:00); all-day events: the first day (YYYY-MM-DD) */
            start: string;
            /** @description Timed events: local time with offset; all-day events: the last day, inclusive */
            end: string;
            /**
             * Format: date-time
             * @description Start, UTC
             */
            start_at: string;
            /**
             * Format: date-time
             * @description End, UTC (all-day events: the midnight after the last day in time_zone)
             */
            end_at: string;
            /** @description IANA time zone */
            time_zone: string;
            all_day: boolean;
            /** @enum {string} */
            status: "confirmed" | "tentative" | "cancelled";
            /** Format: date-time */
            cancelled_at: string | null;
            attendees: {
                contact_id: string | null;
                email: string | null;
                name: string | null;
            }[];
            reminders: {
                minutes_before: number;
                /** @enum {string} */
                method: "notification" | "email";
            }[];
            deal_id: string | null;
            lead_id: string | null;
            contact_id: string | null;
            tags: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        CalendarEventList: {
            events: components["schemas"]["CalendarEvent"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Company: {
            /** Format: uuid */
            id: string;
            name: string;
            website: string | null;
            domain: string | null;
            sector: string | null;
            size: string | null;
            /** @description Postal address; other keys are dropped */
            address: {
                street?: string | null;
                street2?: string | null;
                city?: string | null;
                state?: string | null;
                postal_code?: string | null;
                country?: string | null;
            } | null;
            phone: string | null;
            description: string | null;
            owner: string | null;
            tags: string[];
            /** @description Any JSON values, keyed by name */
            custom_fields: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        CompanyList: {
            companies: (components["schemas"]["Company"] & {
                /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                associations?: {
                    [key: string]: {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            })[];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Contact: {
            /** Format: uuid */
            id: string;
            first_name: string | null;
            last_name: string | null;
            email: {
                email: string;
                type: string;
            }[];
            phone_number: {
                number: string;
                type: string;
            }[];
            /** @description The first email, lower case */
            primary_email: string | null;
            title: string | null;
            company_id: string | null;
            owner: string | null;
            status: string | null;
            background: string | null;
            linkedin_url: string | null;
            tags: string[];
            /** @description Any JSON values, keyed by name */
            custom_fields: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            last_seen_at: string | null;
            email_opt_out: boolean;
            sms_opt_out: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        ContactList: {
            contacts: (components["schemas"]["Contact"] & {
                /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                associations?: {
                    [key: string]: {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            })[];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Conversation: {
            /** Format: uuid */
            id: string;
            /** @description The customer: a contact of this tenant */
            customer_id: string;
            /** @enum {string} */
            status: "open" | "pending" | "closed";
            assignee: string | null;
            /** @enum {string} */
            priority: "low" | "medium" | "high" | "urgent";
            /** @enum {string} */
            channel: "chat" | "email" | "sms" | "other";
            subject: string | null;
            tags: string[];
            /** @description Teammates it is shared with */
            shared_with: string[];
            archived: boolean;
            /** Format: date-time */
            archived_at: string | null;
            /** Format: date-time */
            last_message_at: string | null;
            /** @description Customer messages not seen yet */
            unread_count: number;
            /** @enum {string|null} */
            visitor_identity: "verified" | "unverified" | null;
            /** @description An email or SMS conversation: the customer's address or number (E.164) it is with, where agents' replies go; null: the contact's primary email or first valid phone number */
            customer_address: string | null;
            /** @description An email conversation: the others on its thread (From, To and Cc of its received emails, not the customer, not the team's own addresses), in the order they appeared. A reply from one of them joins the conversation; agents' replies Cc them */
            participants: {
                /** @description Their address, lower case */
                email: string;
                /** @description The contact having that address; null while none has */
                contact_id: string | null;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        ConversationList: {
            conversations: components["schemas"]["Conversation"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Customer: {
            /** Format: uuid */
            id: string;
            first_name: string | null;
            last_name: string | null;
            email: {
                email: string;
                type: string;
            }[];
            phone_number: {
                number: string;
                type: string;
            }[];
            /** @description The first email, lower case */
            primary_email: string | null;
            title: string | null;
            company_id: string | null;
            owner: string | null;
            status: string | null;
            background: string | null;
            linkedin_url: string | null;
            tags: string[];
            /** @description Any JSON values, keyed by name */
            custom_fields: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            last_seen_at: string | null;
            email_opt_out: boolean;
            sms_opt_out: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
            external_id: string | null;
        };
        CustomerList: {
            customers: (components["schemas"]["Customer"] & {
                /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                associations?: {
                    [key: string]: {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            })[];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Deal: {
            id: string;
            title: string;
            description: string | null;
            /** @description Minor units (cents) */
            value: number;
            /** @description ISO 4217 */
            currency: string;
            /** @description open, won or lost (follows the kind of the deal's stage) */
            status: "open" | "won" | "lost";
            pipeline_id: string;
            stage_id: string;
            /** @description Stage name */
            stage: string | null;
            /** Format: date-time */
            stage_entered_at: string;
            owner: string | null;
            lead_id: string | null;
            contact_id: string | null;
            /** @description Every linked contact (associations deals → contacts); contact_id is the primary one */
            contact_ids: string[];
            company_id: string | null;
            partner_id: string | null;
            /** Format: date */
            expected_close_date: string | null;
            /** Format: date-time */
            won_at: string | null;
            /** Format: date-time */
            lost_at: string | null;
            lost_reason: string | null;
            tags: string[];
            custom_fields: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        DealList: {
            deals: (components["schemas"]["Deal"] & {
                /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                associations?: {
                    [key: string]: {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            })[];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Delivery: {
            /** Format: uuid */
            id: string;
            webhook_id: string;
            /** @description The payload's `id` and the webhook-id header */
            event_id: string;
            event_type: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempt_count: number;
            /**
             * Format: date-time
             * @description When pending: the next attempt
             */
            next_attempt_at: string | null;
            /** Format: date-time */
            last_attempt_at: string | null;
            last_status_code: number | null;
            last_error: string | null;
            last_duration_ms: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            completed_at: string | null;
            attempts: {
                attempt: number;
                /** Format: date-time */
                started_at: string;
                /** Format: date-time */
                finished_at: string;
                status_code: number | null;
                duration_ms: number | null;
                error: string | null;
            }[];
        };
        DeliveryList: {
            deliveries: components["schemas"]["Delivery"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Document: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string | null;
            mime_type: string | null;
            /** @description Bytes; null for external documents */
            size: number | null;
            /** @description Hex SHA-256 of the content (the download's ETag); null if external */
            sha256: string | null;
            /** @enum {string} */
            storage: "local" | "external";
            /** @description External documents: where the document lives */
            url: string | null;
            deal_id: string | null;
            lead_id: string | null;
            contact_id: string | null;
            company_id: string | null;
            tags: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        DocumentList: {
            documents: components["schemas"]["Document"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Error: {
            detail: string;
            code: string;
            request_id?: string;
            errors?: components["schemas"]["FieldError"][];
        };
        FieldError: {
            /** @description JSON pointer into the request (`/currency`); `/`: the request as a whole */
            path: string;
            message: string;
        };
        Handoff: {
            id: string;
            /** @enum {string} */
            entity_type: "deal" | "lead";
            entity_id: string;
            from_owner: string | null;
            to_owner: string | null;
            from_pipeline_id: string | null;
            to_pipeline_id: string | null;
            to_stage_id: string | null;
            /** @enum {string} */
            status: "pending" | "completed" | "cancelled";
            reason: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
            /** @description The deal or lead as it is now; null once deleted. Handoffs show only to keys that read their type (deals:read, leads:read) */
            entity: (components["schemas"]["Deal"] | components["schemas"]["Lead"]) | null;
        };
        HandoffList: {
            handoffs: components["schemas"]["Handoff"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Interaction: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "note" | "email" | "sms" | "call" | "meeting";
            /** @enum {string|null} */
            direction: "inbound" | "outbound" | null;
            /** @description email / sms: queued, sent, delivered, failed, received, bounced (email: every recipient bounced); call: in_progress, completed; note: the note's status; meeting: confirmed, tentative, cancelled */
            status: string | null;
            contact_id: string | null;
            company_id: string | null;
            deal_id: string | null;
            /** @description Sender address or number */
            from: string | null;
            to: string[];
            cc: string[];
            bcc: string[];
            reply_to: string | null;
            /** @description Email subject or meeting title */
            subject: string | null;
            /** @description Plain text body, call notes, note text */
            text: string | null;
            html: string | null;
            /** @description Email Message-ID (without <>) */
            message_id: string | null;
            in_reply_to: string | null;
            references: string[];
            /** @description Id of the interaction that started the thread */
            thread_id: string | null;
            attachments: string[];
            /** @description Email: recipients a bounce (delivery status notification) reported as undeliverable; crmd sends them nothing more */
            bounced_recipients: string[];
            /** @description The provider's message id: Twilio's SID; for an email, the id the SMTP relay gave it when it names one (Amazon SES replaces the Message-ID with its own), which replies threading to the email may quote */
            provider_id: string | null;
            /** @description The server's last answer (SMTP reply, provider status, error) */
            provider_response: string | null;
            attempts: number;
            /** Format: date-time */
            occurred_at: string;
            /** Format: date-time */
            sent_at: string | null;
            /** Format: date-time */
            ended_at: string | null;
            duration_seconds: number | null;
            outcome: string | null;
            recording_url: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        InteractionList: {
            interactions: components["schemas"]["Interaction"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Lead: {
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            company_name: string | null;
            title: string | null;
            source: string | null;
            /** @description new, contacted, qualified, disqualified or converted (converted only through POST /leads/{id}/convert) */
            status: "new" | "contacted" | "qualified" | "disqualified" | "converted";
            tier: ("A" | "B" | "C" | "D") | null;
            score: number | null;
            owner: string | null;
            partner_id: string | null;
            contact_id: string | null;
            company_id: string | null;
            pipeline_id: string | null;
            stage_id: string | null;
            /** @description Stage name */
            stage: string | null;
            /** Format: date-time */
            stage_entered_at: string | null;
            /**
             * Format: date-time
             * @description First move to contacted or later
             */
            first_responded_at: string | null;
            /** Format: date-time */
            qualified_at: string | null;
            /** Format: date-time */
            disqualified_at: string | null;
            disqualify_reason: string | null;
            /** Format: date-time */
            converted_at: string | null;
            converted_deal_id: string | null;
            notes: string | null;
            tags: string[];
            custom_fields: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        LeadList: {
            leads: (components["schemas"]["Lead"] & {
                /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                associations?: {
                    [key: string]: {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            })[];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Message: {
            /** Format: uuid */
            id: string;
            conversation_id: string;
            /** @description The conversation's customer */
            customer_id: string;
            /** @enum {string} */
            author_type: "agent" | "customer";
            author_id: string | null;
            body: string;
            attachments: {
                url: string;
                name: string | null;
                mime_type: string | null;
            }[];
            /** @enum {string} */
            channel: "chat" | "email" | "sms" | "other";
            external_id: string | null;
            /** Format: date-time */
            sent_at: string;
            /** Format: date-time */
            seen_at: string | null;
            /** @description The email or SMS that carried the message (GET /interactions/{id}): received, or sent for an agent's reply */
            interaction_id: string | null;
            /** @enum {string|null} */
            delivery_status: "queued" | "sent" | "delivered" | "failed" | "bounced" | "not_sent" | null;
            /** @description Why the reply failed or was not sent, or the provider's last answer */
            delivery_detail: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        MessageList: {
            messages: components["schemas"]["Message"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Note: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "contact_note" | "company_note" | "deal_note" | "lead_note" | "task_note";
            contact_id: string | null;
            company_id: string | null;
            deal_id: string | null;
            lead_id: string | null;
            task_id: string | null;
            text: string;
            status: string | null;
            attachments: {
                url: string;
                name: string | null;
                mime_type: string | null;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        NoteList: {
            notes: components["schemas"]["Note"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Partner: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            partner_type: "referral" | "reseller" | "affiliate" | "technology";
            email: string | null;
            phone: string | null;
            website: string | null;
            /** @enum {string} */
            status: "active" | "inactive";
            commission_pct: number | null;
            tags: string[];
            /** @description Live leads linked to the partner (computed when read: changes to it do not move the partner's updated_at or its place in the since / cursor feeds) */
            lead_count: number;
            /** @description Live deals linked to the partner (computed when read: changes to it do not move the partner's updated_at or its place in the since / cursor feeds) */
            deal_count: number;
            /** @description Won live deals linked to the partner (computed when read: changes to it do not move the partner's updated_at or its place in the since / cursor feeds) */
            won_deals: number;
            /** @description Sum of won deals' value in minor units (cents), whatever their currency (computed when read: changes to it do not move the partner's updated_at or its place in the since / cursor feeds) */
            won_value: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        PartnerList: {
            partners: components["schemas"]["Partner"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Pipeline: {
            id: string;
            name: string;
            /** @enum {string} */
            pipeline_type: "qualification" | "sales";
            is_default: boolean;
            first_response_hours: number | null;
            stages: {
                id: string;
                pipeline_id: string;
                name: string;
                position: number;
                /** @enum {string} */
                kind: "open" | "won" | "lost";
                probability: number | null;
                sla_hours: number | null;
                sla_warning_pct: number;
                warn_before_minutes: number | null;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        PipelineList: {
            pipelines: components["schemas"]["Pipeline"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Property: {
            /** Format: uuid */
            id: string;
            mls_number: string | null;
            /** @description active, pending, sold or withdrawn */
            status: "active" | "pending" | "sold" | "withdrawn";
            property_type: "house" | "apartment" | "condo" | "townhouse" | "land" | "commercial" | "other";
            title: string | null;
            address: {
                street: string | null;
                city: string | null;
                postcode: string | null;
                region: string | null;
                country: string | null;
                latitude: number | null;
                longitude: number | null;
            };
            price: {
                /** @description Minor units (cents) */
                value: number;
                /** @description ISO 4217 */
                currency: string;
            } | null;
            bedrooms: number | null;
            bathrooms: number | null;
            living_area: number | null;
            lot_area: number | null;
            /** @description Unit of the areas (default sqm) */
            area_unit: "sqm" | "sqft";
            year_built: number | null;
            description: string | null;
            features: string[];
            listing_agent: string | null;
            photo_ids: string[];
            listed_at: string | null;
            sold_at: string | null;
            /** @description Any JSON values, keyed by name */
            custom_fields: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        PropertyList: {
            properties: (components["schemas"]["Property"] & {
                /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                associations?: {
                    [key: string]: {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            })[];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Record: {
            /** Format: uuid */
            id: string;
            /** @description The object type's plural */
            object: string;
            /** @description The primary field's value */
            display: string | null;
            /** @description The record's values, one per field of its object type */
            properties: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        Suppression: {
            /** @enum {string} */
            channel: "email" | "sms";
            /** @description The email address (lower case) or phone number (E.164) sends are refused to */
            address: string;
            /** @enum {string} */
            reason: "bounce" | "opt_out";
            /** @description A bounce: the remote server's diagnostic. An SMS opt-out: the stop keyword the number texted (`texted STOP`) */
            detail: string | null;
            /** Format: date-time */
            created_at: string;
        };
        SuppressionList: {
            suppressions: components["schemas"]["Suppression"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        Task: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string | null;
            status: "pending" | "completed";
            priority: "low" | "medium" | "high" | "urgent";
            /** Format: date-time */
            due_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** @description Pending and past its due time, now */
            is_overdue: boolean;
            owner: string | null;
            /** @description Linked deal id */
            deal_id: string | null;
            /** @description Linked lead id */
            lead_id: string | null;
            /** @description Linked contact id */
            contact_id: string | null;
            /** @description Linked company id */
            company_id: string | null;
            tags: string[];
            /** @description Any JSON values, keyed by name */
            custom_fields: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            deleted_at: string | null;
        };
        TaskList: {
            tasks: (components["schemas"]["Task"] & {
                /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                associations?: {
                    [key: string]: {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            })[];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
        ValidationError: {
            detail: string;
            code: string;
            request_id?: string;
            errors: components["schemas"]["FieldError"][];
        };
        Webhook: {
            /** Format: uuid */
            id: string;
            tenant_id: string;
            url: string;
            events: string[];
            is_active: boolean;
            headers: {
                [key: string]: string;
            };
            /** @description Why crmd disabled the webhook (410 Gone, repeated failure); null otherwise */
            disabled_reason: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            consecutive_failures: number;
            /** Format: date-time */
            failing_since: string | null;
            /** Format: date-time */
            last_success_at: string | null;
            /** Format: date-time */
            last_failure_at: string | null;
            /**
             * Format: date-time
             * @description After a rotation: until then deliveries are signed with old secrets too (each for 24 hours after the rotation that replaced it)
             */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookEvent: {
            /** @description Event id; the same on every retry */
            id: string;
            /** @description The event type, e.g. `deal.won` */
            event_type: string;
            /** Format: date-time */
            timestamp: string;
            tenant_id: string;
            /** @description The record the event is about, as the API shows it */
            data: unknown;
            /** @description Context such as the previous stage */
            metadata: {
                [key: string]: unknown;
            };
        };
        WebhookList: {
            webhooks: components["schemas"]["Webhook"][];
            total: number;
            page: number;
            page_size: number;
            has_more: boolean;
            next_cursor: string | null;
        };
    };
    responses: {
        /** @description BAD_REQUEST: the request could not be read (malformed body, bad Idempotency-Key) */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description BAD_REQUEST: the request could not be read (malformed body, bad Idempotency-Key) */
        BadRequestUnmetered: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body over the size limit (CRMD_BODY_LIMIT) */
        BodyTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description CONFLICT: the record's state forbids it */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description CONFLICT: the record's state forbids it */
        ConflictUnmetered: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description FORBIDDEN: the credentials may not do this (a scope missing, the admin token on tenant data, a key on an admin endpoint) */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description FORBIDDEN: the credentials may not do this (a scope missing, the admin token on tenant data, a key on an admin endpoint) */
        ForbiddenUnmetered: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description IDEMPOTENCY_KEY_REUSED: the key came with another request; IDEMPOTENCY_IN_PROGRESS: its first request still runs (Retry-After) */
        IdempotencyKeyConflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Malformed JSON, or a body that is not valid UTF-8 */
        MalformedBody: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description NOT_FOUND: no such record in this tenant (or it was deleted) */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description NOT_FOUND: no such record in this tenant (or it was deleted) */
        NotFoundUnmetered: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not Modified: If-None-Match named the answer's current ETag */
        NotModified: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Not Modified: If-None-Match named the answer's current ETag; Link (the next page or cursor) as on the 200 */
        NotModifiedPage: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Cache-Control": components["headers"]["Cache-Control"];
                Link: components["headers"]["Link"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Not Modified: If-None-Match named the answer's current ETag */
        NotModifiedUnmetered: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Cache-Control": components["headers"]["Cache-Control"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description PRECONDITION_FAILED: the record changed since the version If-Match names (or after If-Unmodified-Since); nothing was changed. GET it again for its current ETag */
        PreconditionFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description RATE_LIMITED: over the rate limit; retry after Retry-After seconds */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description RATE_LIMITED: over the rate limit; retry after Retry-After seconds */
        RateLimitedUnmetered: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description UNAUTHORIZED: missing, unknown, expired or revoked credentials */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description UNAUTHORIZED: missing, unknown, expired or revoked credentials */
        UnauthorizedMetered: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Body that is not JSON (Content-Type other than application/json or +json) */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description URL longer than 16384 bytes */
        UriTooLong: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description URL longer than 16384 bytes */
        UriTooLongUnmetered: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description VALIDATION_ERROR: a schema or rule is violated; errors[].path points into the request */
        ValidationError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /** @description VALIDATION_ERROR: a schema or rule is violated; errors[].path points into the request */
        ValidationErrorUnmetered: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
    };
    parameters: {
        /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
        associated_with: string;
        channel: "email" | "sms";
        company_id: string;
        /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
        cursor: string;
        deal_id: string;
        id: string;
        /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
        "Idempotency-Key": string;
        /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
        "If-Match": string;
        /** @description An ETag of this answer: 304 without a body while the answer is still the same */
        "If-None-Match": string;
        /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
        "If-Unmodified-Since": string;
        /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
        include: "associations";
        key: string;
        lead_id: string;
        object: string;
        owner: string;
        /** @description Page number (default 1) */
        page: number;
        /** @description Items per page (1-500, default 50) */
        page_size: number;
        /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
        since: string;
        /** @description Tenant id or name (required with the admin token) */
        tenant_id: string;
        to: string;
        /** @description The event's id (Standard Webhooks); the same on every retry */
        "webhook-id": string;
        /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
        "webhook-signature": string;
        /** @description Unix seconds of the attempt, signed */
        "webhook-timestamp": string;
        /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
        "X-Consistency": "strong";
        /** @description The event type */
        "X-Webhook-Event": string;
        /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
        "X-Webhook-Signature": string;
        /** @description ISO 8601 time of the attempt */
        "X-Webhook-Timestamp": string;
    };
    requestBodies: never;
    headers: {
        /** @description The request's id (the one the request sent, if any), as the log line has it */
        "X-Request-Id": string;
        /** @description `true` when the answer is the stored one of an earlier request with the same Idempotency-Key */
        "Idempotent-Replayed": string;
        /** @description Requests per minute allowed to the credential */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current minute */
        "X-RateLimit-Remaining": number;
        /** @description When the current minute's window ends (unix seconds) */
        "X-RateLimit-Reset": number;
        /** @description Seconds to wait before trying again */
        "Retry-After": number;
        /** @description Validator of the answer: on one record (its GET, create, update or tombstone), strong, naming the record's version, which every change of it moves on, and on a compressed answer its coding (`…-gzip"`): sent as If-Match, in any coding, a change applies only to that version (else 412). On lists and reports, weak; on a file, its SHA-256. Sent back as If-None-Match, it gets 304 while the answer is unchanged */
        ETag: string;
        /** @description `private, no-cache`: no shared cache stores tenant data; a client's cache revalidates with the ETag (If-None-Match) before reuse */
        "Cache-Control": string;
        /** @description RFC 8288 `<…>; rel="next"`: the next page, or on a change feed the next cursor; absent on the last page */
        Link: string;
        /** @description On a file: when its content was uploaded (an HTTP date, to the second), a strong validator as the content never changes: sent back as If-Modified-Since it gets 304, as If-Unmodified-Since 412 if the content is newer, as If-Range the ranges */
        "Last-Modified": string;
        /** @description `bytes`: the file answers Range requests */
        "Accept-Ranges": string;
        /** @description On a 206 of one range: `bytes <first>-<last>/<size>`; on a 416: `bytes *\/<size>` */
        "Content-Range": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            304: components["responses"]["NotModifiedUnmetered"];
            414: components["responses"]["UriTooLongUnmetered"];
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        database: boolean;
                    };
                };
            };
            304: components["responses"]["NotModifiedUnmetered"];
            414: components["responses"]["UriTooLongUnmetered"];
            /** @description Database unreachable or migrations pending */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        database: boolean;
                    };
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            414: components["responses"]["UriTooLongUnmetered"];
            /** @description Too many wrong tokens from this client address; retry after Retry-After seconds (the metrics token is still served) */
            429: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWidgetSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        /** @description Any JSON values, keyed by name */
                        settings: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    identifyWidgetVisitor: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** Format: email */
                    email?: string;
                    name?: string;
                    external_id?: string;
                    /** @description Proof of identity from your backend: hex HMAC-SHA256(the key's identity secret, external_id, or email when there is no external_id) */
                    user_hash?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customer_id: string;
                        /** @description true: the identity was proven with user_hash; the token reads all the customer's conversations */
                        verified: boolean;
                        /** @description vt_…: send as Authorization: Bearer */
                        visitor_token: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWidgetConversations: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversations: {
                            id: string;
                            status: string;
                            subject: string | null;
                            /** Format: date-time */
                            last_message_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createWidgetConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    subject?: string;
                    /** @description A first message */
                    body?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        conversation: {
                            id: string;
                            status: string;
                            subject: string | null;
                            /** Format: date-time */
                            last_message_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                        /** @description A token for this conversation: use it from now on */
                        visitor_token: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getWidgetConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: string;
                        subject: string | null;
                        /** Format: date-time */
                        last_message_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            304: components["responses"]["NotModified"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWidgetConversationMessages: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            id: string;
                            author_type: string;
                            body: string;
                            attachments: {
                                url: string;
                                name: string | null;
                                mime_type: string | null;
                            }[];
                            /** Format: date-time */
                            sent_at: string;
                            /** Format: date-time */
                            seen_at: string | null;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createWidgetConversationMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "example"
                 *     }
                 */
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        author_type: string;
                        body: string;
                        attachments: {
                            url: string;
                            name: string | null;
                            mime_type: string | null;
                        }[];
                        /** Format: date-time */
                        sent_at: string;
                        /** Format: date-time */
                        seen_at: string | null;
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    markWidgetConversationSeen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description The last message the reader was shown: marks the other side's unseen messages up to it in thread order (sent_at, ties by id), it included, none after it */
                    up_to?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            id: string;
                            author_type: string;
                            body: string;
                            attachments: {
                                url: string;
                                name: string | null;
                                mime_type: string | null;
                            }[];
                            /** Format: date-time */
                            sent_at: string;
                            /** Format: date-time */
                            seen_at: string | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["UnauthorizedMetered"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    receiveTwilioWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Empty TwiML: no reply */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            400: components["responses"]["BadRequestUnmetered"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenUnmetered"];
            404: components["responses"]["NotFoundUnmetered"];
            414: components["responses"]["UriTooLongUnmetered"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimitedUnmetered"];
        };
    };
    receiveSesWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/plain": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description What crmd did with the message (docs/communications.md#amazon-ses)
                         * @default recorded
                         * @enum {string}
                         */
                        outcome: "recorded" | "already_recorded" | "no_tenant" | "no_content" | "virus" | "ignored" | "subscription_confirmed" | "unsubscribed";
                    };
                };
            };
            400: components["responses"]["BadRequestUnmetered"];
            403: components["responses"]["ForbiddenUnmetered"];
            404: components["responses"]["NotFoundUnmetered"];
            414: components["responses"]["UriTooLongUnmetered"];
            422: components["responses"]["ValidationErrorUnmetered"];
            /** @description Bad Gateway */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTenants: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tenants: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description SMS sender numbers (E.164), default first */
                            sms_numbers: string[];
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        total: number;
                    };
                };
            };
            304: components["responses"]["NotModifiedUnmetered"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFoundUnmetered"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimited"];
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "example"
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description The tenant's SMS sender numbers, in international format (stored in E.164). The tenant sends only from these; the first is its default sender. A number belongs to one tenant at most (409). Empty: the tenant sends from CRMD_SMS_FROM only. */
                    sms_numbers?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description SMS sender numbers (E.164), default first */
                        sms_numbers: string[];
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFoundUnmetered"];
            409: components["responses"]["ConflictUnmetered"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimited"];
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description The tenant's id (or its name) */
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description SMS sender numbers (E.164), default first */
                        sms_numbers: string[];
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            304: components["responses"]["NotModifiedUnmetered"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFoundUnmetered"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                /** @description The tenant's id (or its name) */
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description The tenant's SMS sender numbers, in international format (stored in E.164). The tenant sends only from these; the first is its default sender. A number belongs to one tenant at most (409). Empty: the tenant sends from CRMD_SMS_FROM only. */
                    sms_numbers?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description SMS sender numbers (E.164), default first */
                        sms_numbers: string[];
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFoundUnmetered"];
            409: components["responses"]["ConflictUnmetered"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimited"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Tenant id or name (required with the admin token) */
                tenant_id?: components["parameters"]["tenant_id"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        api_keys: {
                            /** Format: uuid */
                            id: string;
                            tenant_id: string;
                            name: string;
                            /** @description First characters of the key, to recognise it */
                            key_prefix: string;
                            permissions: string[];
                            /** @description Requests per minute; null = server default */
                            rate_limit: number | null;
                            /**
                             * Format: uuid
                             * @description A key made by a key: the key whose per-minute budget its requests also spend (its maker, or the key its maker shares), so minting keys multiplies no limit. null: made with the admin token or the CLI, a budget of its own
                             */
                            rate_limit_key_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string | null;
                            /** Format: date-time */
                            last_used_at: string | null;
                            /** Format: date-time */
                            revoked_at: string | null;
                        }[];
                        total: number;
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createApiKey: {
        parameters: {
            query?: {
                /** @description Tenant id or name (required with the admin token) */
                tenant_id?: components["parameters"]["tenant_id"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Reporting job",
                 *       "permissions": [
                 *         "deals:read",
                 *         "leads:read"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description Scopes (`deals:read`, `webhooks:manage`, `keys:manage`, …) or seed 001's aliases `read`, `write`, `webhook`, `*` */
                    permissions: string[];
                    /** @description null = never expires */
                    expires_in_days?: number | null;
                    /** @description Requests per minute; null = server default. A key may grant at most its own limit, and the keys it makes also spend its budget (`rate_limit_key_id`) */
                    rate_limit?: number | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        tenant_id: string;
                        name: string;
                        /** @description First characters of the key, to recognise it */
                        key_prefix: string;
                        permissions: string[];
                        /** @description Requests per minute; null = server default */
                        rate_limit: number | null;
                        /**
                         * Format: uuid
                         * @description A key made by a key: the key whose per-minute budget its requests also spend (its maker, or the key its maker shares), so minting keys multiplies no limit. null: made with the admin token or the CLI, a budget of its own
                         */
                        rate_limit_key_id: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        expires_at: string | null;
                        /** Format: date-time */
                        last_used_at: string | null;
                        /** Format: date-time */
                        revoked_at: string | null;
                        /** @description The key itself. Shown only once: save it. */
                        key: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteApiKey: {
        parameters: {
            query?: {
                /** @description Tenant id or name (required with the admin token) */
                tenant_id?: components["parameters"]["tenant_id"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        tenant_id: string;
                        name: string;
                        /** @description First characters of the key, to recognise it */
                        key_prefix: string;
                        permissions: string[];
                        /** @description Requests per minute; null = server default */
                        rate_limit: number | null;
                        /**
                         * Format: uuid
                         * @description A key made by a key: the key whose per-minute budget its requests also spend (its maker, or the key its maker shares), so minting keys multiplies no limit. null: made with the admin token or the CLI, a budget of its own
                         */
                        rate_limit_key_id: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        expires_at: string | null;
                        /** Format: date-time */
                        last_used_at: string | null;
                        /** Format: date-time */
                        revoked_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listCalendarEvents: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description ISO 8601: events ending after it (overlapping [from, to)) */
                from?: string;
                /** @description ISO 8601: events starting before it */
                to?: string;
                status?: "confirmed" | "tentative" | "cancelled";
                deal_id?: components["parameters"]["deal_id"];
                lead_id?: components["parameters"]["lead_id"];
                /** @description Events linked to this contact */
                contact_id?: string;
                /** @description Email (case-insensitive) or contact id of an attendee; with contacts:read a contact also matches by its primary email (without it, only as the event lists the attendee) */
                attendee?: string;
                /** @description ISO 8601 interval <start>/<end>; with attendee: that attendee's non-cancelled events overlapping it */
                conflicts_with?: string;
                /** @description Comma-separated; events carrying all of them */
                tags?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEventList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createCalendarEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Discovery call",
                 *       "start": "2030-01-15T09:30:00",
                 *       "end": "2030-01-15T10:00:00",
                 *       "time_zone": "Europe/Athens"
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string | null;
                    location?: string | null;
                    /** @description ISO 8601 date-time; with an offset or Z it is exact, without one it is local time in time_zone. All-day events: YYYY-MM-DD */
                    start: string;
                    /** @description Like start; not before it. Required for timed events; all-day events: the last day (inclusive), default start */
                    end?: string;
                    /** @description IANA time zone, e.g. Europe/Athens (default UTC) */
                    time_zone?: string;
                    /** @description Default false */
                    all_day?: boolean;
                    attendees?: {
                        /** @description A contact of this tenant */
                        contact_id?: string | null;
                        /** Format: email */
                        email?: string | null;
                        name?: string | null;
                    }[];
                    reminders?: {
                        /** @description Up to four weeks */
                        minutes_before: number;
                        /** @enum {string} */
                        method?: "notification" | "email";
                    }[];
                    /** @description Linked deal (same tenant; a missing one is 422) */
                    deal_id?: string | null;
                    /** @description Linked lead (same tenant; a missing one is 422) */
                    lead_id?: string | null;
                    /** @description Linked contact (same tenant; a missing one is 422) */
                    contact_id?: string | null;
                    tags?: string[];
                    /** @enum {string} */
                    status?: "confirmed" | "tentative";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getCalendarEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEvent"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceCalendarEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Discovery call",
                 *       "start": "2030-01-15T09:30:00",
                 *       "end": "2030-01-15T10:00:00",
                 *       "time_zone": "Europe/Athens"
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string | null;
                    location?: string | null;
                    /** @description ISO 8601 date-time; with an offset or Z it is exact, without one it is local time in time_zone. All-day events: YYYY-MM-DD */
                    start: string;
                    /** @description Like start; not before it. Required for timed events; all-day events: the last day (inclusive), default start */
                    end?: string;
                    /** @description IANA time zone, e.g. Europe/Athens (default UTC) */
                    time_zone?: string;
                    /** @description Default false */
                    all_day?: boolean;
                    attendees?: {
                        /** @description A contact of this tenant */
                        contact_id?: string | null;
                        /** Format: email */
                        email?: string | null;
                        name?: string | null;
                    }[];
                    reminders?: {
                        /** @description Up to four weeks */
                        minutes_before: number;
                        /** @enum {string} */
                        method?: "notification" | "email";
                    }[];
                    /** @description Linked deal (same tenant; a missing one is 422) */
                    deal_id?: string | null;
                    /** @description Linked lead (same tenant; a missing one is 422) */
                    lead_id?: string | null;
                    /** @description Linked contact (same tenant; a missing one is 422) */
                    contact_id?: string | null;
                    tags?: string[];
                    /** @enum {string} */
                    status?: "confirmed" | "tentative" | "cancelled";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteCalendarEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateCalendarEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    title?: string;
                    description?: string | null;
                    location?: string | null;
                    /** @description ISO 8601 date-time; with an offset or Z it is exact, without one it is local time in time_zone. All-day events: YYYY-MM-DD */
                    start?: string;
                    end?: string;
                    /** @description IANA time zone, e.g. Europe/Athens (default UTC) */
                    time_zone?: string;
                    /** @description Default false */
                    all_day?: boolean;
                    attendees?: {
                        /** @description A contact of this tenant */
                        contact_id?: string | null;
                        /** Format: email */
                        email?: string | null;
                        name?: string | null;
                    }[];
                    reminders?: {
                        /** @description Up to four weeks */
                        minutes_before: number;
                        /** @enum {string} */
                        method?: "notification" | "email";
                    }[];
                    /** @description Linked deal (same tenant; a missing one is 422) */
                    deal_id?: string | null;
                    /** @description Linked lead (same tenant; a missing one is 422) */
                    lead_id?: string | null;
                    /** @description Linked contact (same tenant; a missing one is 422) */
                    contact_id?: string | null;
                    tags?: string[];
                    /** @enum {string} */
                    status?: "confirmed" | "tentative" | "cancelled";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listDocuments: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                deal_id?: components["parameters"]["deal_id"];
                lead_id?: components["parameters"]["lead_id"];
                contact_id?: string;
                company_id?: components["parameters"]["company_id"];
                storage?: "local" | "external";
                /** @description Comma-separated; documents carrying all of them */
                tags?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/proposal.pdf",
                 *       "mime_type": "application/pdf"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: binary
                     * @description multipart/form-data: the file. Its part's Content-Type is the declared type, checked against the content
                     * @default File
                     */
                    file?: string;
                    /**
                     * Format: uri
                     * @description JSON: an external document's http(s) URL (nothing is downloaded)
                     */
                    url?: string;
                    /** @description Default: the uploaded file's name, or the URL's last path segment */
                    name?: string;
                    description?: string;
                    /** @description External documents: their type. Uploads: overrides the file part's declared type (still checked against the content) */
                    mime_type?: string;
                    /** @description Linked deal (same tenant) */
                    deal_id?: string;
                    /** @description Linked lead (same tenant) */
                    lead_id?: string;
                    /** @description Linked contact (same tenant) */
                    contact_id?: string;
                    /** @description Linked company (same tenant) */
                    company_id?: string;
                    /** @description JSON: an array; multipart: comma-separated */
                    tags?: string[] | string;
                };
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description multipart/form-data: the file. Its part's Content-Type is the declared type, checked against the content
                     * @default File
                     */
                    file?: string;
                    /**
                     * Format: uri
                     * @description JSON: an external document's http(s) URL (nothing is downloaded)
                     */
                    url?: string;
                    /** @description Default: the uploaded file's name, or the URL's last path segment */
                    name?: string;
                    description?: string;
                    /** @description External documents: their type. Uploads: overrides the file part's declared type (still checked against the content) */
                    mime_type?: string;
                    /** @description Linked deal (same tenant) */
                    deal_id?: string;
                    /** @description Linked lead (same tenant) */
                    lead_id?: string;
                    /** @description Linked contact (same tenant) */
                    contact_id?: string;
                    /** @description Linked company (same tenant) */
                    company_id?: string;
                    /** @description JSON: an array; multipart: comma-separated */
                    tags?: string[] | string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            /** @description Payload Too Large */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            414: components["responses"]["UriTooLong"];
            /** @description Unsupported Media Type */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Signed proposal.pdf",
                 *       "tags": [
                 *         "signed"
                 *       ]
                 *     }
                 */
                "application/json": {
                    name: string;
                    description?: string | null;
                    deal_id?: string | null;
                    lead_id?: string | null;
                    contact_id?: string | null;
                    company_id?: string | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    downloadDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Byte ranges (`bytes=0-1023`, `bytes=-512`, `bytes=0-9,20-29`): 206 with them (several: `multipart/byteranges`), 416 when all start past the end; another unit, over 32 ranges or a header that does not parse: the whole file */
                range?: string;
                /** @description The file's ETag or Last-Modified as received: the ranges while the file is that one, else the whole file (200). A weak tag never matches */
                "if-range"?: string;
                /** @description The file's ETag (a list of them, or `*`): else 412 PRECONDITION_FAILED, so a resumed download never mixes two contents. Compared strongly */
                "if-match"?: string;
                /** @description An HTTP date: 304 if the content was not uploaded after it (to the second). Ignored with If-None-Match, or when not an HTTP date */
                "if-modified-since"?: string;
                /** @description An HTTP date: 412 PRECONDITION_FAILED if the content was uploaded after it (to the second). Ignored with If-Match, or when not an HTTP date */
                "if-unmodified-since"?: string;
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with Content-Disposition: attachment */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "Last-Modified": components["headers"]["Last-Modified"];
                    "Accept-Ranges": components["headers"]["Accept-Ranges"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Partial Content: the ranges asked (Range, and If-Range still naming this file): one range as it is, with Content-Range; several as multipart/byteranges, each part with its own Content-Range */
            206: {
                headers: {
                    "Content-Range": components["headers"]["Content-Range"];
                    "Accept-Ranges": components["headers"]["Accept-Ranges"];
                    ETag: components["headers"]["ETag"];
                    "Last-Modified": components["headers"]["Last-Modified"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                    "multipart/byteranges": string;
                };
            };
            /** @description Not Modified: If-None-Match named the file's ETag or, without If-None-Match, If-Modified-Since is not before its Last-Modified; with the ETag, without Last-Modified (RFC 9110 15.4.5) */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            /** @description PRECONDITION_FAILED: If-Match names another content, or without If-Match the file was uploaded after If-Unmodified-Since */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            414: components["responses"]["UriTooLong"];
            /** @description RANGE_NOT_SATISFIABLE: every range asked starts past the end of the file; Content-Range gives its size */
            416: {
                headers: {
                    "Content-Range": components["headers"]["Content-Range"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    shareDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "emails": [
                 *         "ada@example.com"
                 *       ],
                 *       "message": "The signed proposal"
                 *     }
                 */
                "application/json": {
                    emails?: string[];
                    contact_ids?: string[];
                    message?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        document: components["schemas"]["Document"];
                        emails: string[];
                        contact_ids: string[];
                        message: string | null;
                        /** Format: date-time */
                        shared_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listContacts: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                /** @description Exact email, any of the contact's emails, case-insensitive */
                email?: string;
                /** @description Words (prefixes) in name, emails or phone numbers */
                search?: string;
                company_id?: components["parameters"]["company_id"];
                /** @description Comma-separated: contacts carrying all of them */
                tags?: string;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Ada",
                 *       "last_name": "Lovelace",
                 *       "email": [
                 *         {
                 *           "email": "ada@example.com"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    first_name?: string | null;
                    last_name?: string | null;
                    /** @description The first one is the primary email */
                    email?: {
                        /** Format: email */
                        email: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    phone_number?: {
                        number: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    title?: string | null;
                    /** @description A company of this tenant */
                    company_id?: string | null;
                    owner?: string | null;
                    status?: string | null;
                    background?: string | null;
                    /**
                     * Format: http-url
                     * @description http(s) URL
                     */
                    linkedin_url?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    /** @description ISO 8601 timestamp */
                    last_seen_at?: string | null;
                    /** @description The contact opted out of email: sends to them are 409. True as well when the contact is given an address that opted out (the suppression list); false lifts the opt-out of its addresses, not a bounce */
                    email_opt_out?: boolean;
                    /** @description The contact opted out of SMS (also set by an inbound STOP, and when the contact is given a number that opted out). false lifts opt-outs recorded through the API; a number that texted STOP is lifted only by its START (false is then 409 OPTED_OUT, nothing written) */
                    sms_opt_out?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    bulkUpsertContacts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "records": [
                 *         {
                 *           "first_name": "Ada",
                 *           "last_name": "Lovelace",
                 *           "email": [
                 *             {
                 *               "email": "ada@example.com"
                 *             }
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description 1 to 500 records */
                    records: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getContact: {
        parameters: {
            query?: {
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        first_name: string | null;
                        last_name: string | null;
                        email: {
                            email: string;
                            type: string;
                        }[];
                        phone_number: {
                            number: string;
                            type: string;
                        }[];
                        /** @description The first email, lower case */
                        primary_email: string | null;
                        title: string | null;
                        company_id: string | null;
                        owner: string | null;
                        status: string | null;
                        background: string | null;
                        linkedin_url: string | null;
                        tags: string[];
                        /** @description Any JSON values, keyed by name */
                        custom_fields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        last_seen_at: string | null;
                        email_opt_out: boolean;
                        sms_opt_out: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                        /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                        associations?: {
                            [key: string]: {
                                /** @description The linked record's id */
                                id: string;
                                /** @description The linked record's object type */
                                object: string;
                                /** @description The link's role, e.g. "decision maker" */
                                label: string | null;
                                link_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Ada",
                 *       "last_name": "Lovelace",
                 *       "email": [
                 *         {
                 *           "email": "ada@example.com"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    first_name?: string | null;
                    last_name?: string | null;
                    /** @description The first one is the primary email */
                    email?: {
                        /** Format: email */
                        email: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    phone_number?: {
                        number: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    title?: string | null;
                    /** @description A company of this tenant */
                    company_id?: string | null;
                    owner?: string | null;
                    status?: string | null;
                    background?: string | null;
                    /**
                     * Format: http-url
                     * @description http(s) URL
                     */
                    linkedin_url?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    /** @description ISO 8601 timestamp */
                    last_seen_at?: string | null;
                    /** @description The contact opted out of email: sends to them are 409. True as well when the contact is given an address that opted out (the suppression list); false lifts the opt-out of its addresses, not a bounce */
                    email_opt_out?: boolean;
                    /** @description The contact opted out of SMS (also set by an inbound STOP, and when the contact is given a number that opted out). false lifts opt-outs recorded through the API; a number that texted STOP is lifted only by its START (false is then 409 OPTED_OUT, nothing written) */
                    sms_opt_out?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Ada",
                 *       "last_name": "Lovelace",
                 *       "email": [
                 *         {
                 *           "email": "ada@example.com"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    first_name?: string | null;
                    last_name?: string | null;
                    /** @description The first one is the primary email */
                    email?: {
                        /** Format: email */
                        email: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    phone_number?: {
                        number: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    title?: string | null;
                    /** @description A company of this tenant */
                    company_id?: string | null;
                    owner?: string | null;
                    status?: string | null;
                    background?: string | null;
                    /**
                     * Format: http-url
                     * @description http(s) URL
                     */
                    linkedin_url?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    /** @description ISO 8601 timestamp */
                    last_seen_at?: string | null;
                    /** @description The contact opted out of email: sends to them are 409. True as well when the contact is given an address that opted out (the suppression list); false lifts the opt-out of its addresses, not a bounce */
                    email_opt_out?: boolean;
                    /** @description The contact opted out of SMS (also set by an inbound STOP, and when the contact is given a number that opted out). false lifts opt-outs recorded through the API; a number that texted STOP is lifted only by its START (false is then 409 OPTED_OUT, nothing written) */
                    sms_opt_out?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contact"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listCompanies: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                /** @description Part of the name, case-insensitive */
                name?: string;
                /** @description Website or domain; matches with or without scheme and www. */
                website?: string;
                /** @description Alias of website */
                domain?: string;
                /** @description Words (prefixes) in name, domain or phone */
                search?: string;
                /** @description Comma-separated: companies carrying all of them */
                tags?: string;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createCompany: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Analytical Engines Ltd",
                 *       "domain": "analytical-engines.example"
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description URL or host name, e.g. https://acme.com */
                    website?: string | null;
                    /** @description Host name (acme.com), at most 253 characters. Stored normalised: no scheme, no www., lower case. Derived from website when absent or null */
                    domain?: string | null;
                    sector?: string | null;
                    size?: (string | number) | null;
                    /** @description Postal address; other keys are dropped */
                    address?: {
                        street?: string | null;
                        street2?: string | null;
                        city?: string | null;
                        state?: string | null;
                        postal_code?: string | null;
                        country?: string | null;
                    } | null;
                    phone?: string | null;
                    description?: string | null;
                    owner?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    bulkUpsertCompanies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "records": [
                 *         {
                 *           "name": "Analytical Engines Ltd",
                 *           "domain": "analytical-engines.example"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description 1 to 500 records */
                    records: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getCompany: {
        parameters: {
            query?: {
                /** @description Comma-separated: contacts, deals, activity, associations */
                include?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        website: string | null;
                        domain: string | null;
                        sector: string | null;
                        size: string | null;
                        /** @description Postal address; other keys are dropped */
                        address: {
                            street?: string | null;
                            street2?: string | null;
                            city?: string | null;
                            state?: string | null;
                            postal_code?: string | null;
                            country?: string | null;
                        } | null;
                        phone: string | null;
                        description: string | null;
                        owner: string | null;
                        tags: string[];
                        /** @description Any JSON values, keyed by name */
                        custom_fields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                        /** @description include=contacts: up to 100 */
                        contacts?: components["schemas"]["Contact"][];
                        /** @description include=deals: open deals, up to 100 */
                        deals?: {
                            id: string;
                            title: string;
                            /** @description Minor units (cents) */
                            value: number;
                            currency: string;
                            status: string;
                            pipeline_id: string;
                            stage_id: string;
                            owner: string | null;
                            contact_id: string | null;
                            expected_close_date: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** @description include=activity: the 20 latest changes */
                        activity?: {
                            id: string;
                            entity_type: string;
                            entity_id: string;
                            action: string;
                            actor_type: string;
                            actor_id: string | null;
                            actor_name: string | null;
                            changes: {
                                [key: string]: {
                                    old: unknown;
                                    new: unknown;
                                };
                            };
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                        associations?: {
                            [key: string]: {
                                /** @description The linked record's id */
                                id: string;
                                /** @description The linked record's object type */
                                object: string;
                                /** @description The link's role, e.g. "decision maker" */
                                label: string | null;
                                link_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteCompany: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateCompany: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    name?: string;
                    /** @description URL or host name, e.g. https://acme.com */
                    website?: string | null;
                    /** @description Host name (acme.com), at most 253 characters. Stored normalised: no scheme, no www., lower case. Derived from website when absent or null */
                    domain?: string | null;
                    sector?: string | null;
                    size?: (string | number) | null;
                    /** @description Postal address; other keys are dropped */
                    address?: {
                        street?: string | null;
                        street2?: string | null;
                        city?: string | null;
                        state?: string | null;
                        postal_code?: string | null;
                        country?: string | null;
                    } | null;
                    phone?: string | null;
                    description?: string | null;
                    owner?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listNotes: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description The contact the note is attached to */
                contact_id?: string;
                /** @description The company the note is attached to */
                company_id?: string;
                /** @description The deal the note is attached to */
                deal_id?: string;
                /** @description The lead the note is attached to */
                lead_id?: string;
                /** @description The task the note is attached to */
                task_id?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "text": "example"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    type?: "contact_note" | "company_note" | "deal_note" | "lead_note" | "task_note";
                    /** @description The contact the note is attached to */
                    contact_id?: string;
                    /** @description The company the note is attached to */
                    company_id?: string;
                    /** @description The deal the note is attached to */
                    deal_id?: string;
                    /** @description The lead the note is attached to */
                    lead_id?: string;
                    /** @description The task the note is attached to */
                    task_id?: string;
                    text: string;
                    /** @description Contact and company notes only (cold, warm, hot, …) */
                    status?: string | null;
                    /** @description Links to files stored elsewhere */
                    attachments?: {
                        /**
                         * Format: http-url
                         * @description http(s) URL
                         */
                        url: string;
                        name?: string | null;
                        /** @example application/pdf */
                        mime_type?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateNote: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    text?: string;
                    /** @description Contact and company notes only (cold, warm, hot, …) */
                    status?: string | null;
                    /** @description Links to files stored elsewhere */
                    attachments?: {
                        /**
                         * Format: http-url
                         * @description http(s) URL
                         */
                        url: string;
                        name?: string | null;
                        /** @example application/pdf */
                        mime_type?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listInteractions: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description Only interactions linked to this contact */
                contact_id?: string;
                /** @description Only interactions linked to this company */
                company_id?: string;
                /** @description Only interactions linked to this deal */
                deal_id?: string;
                type?: "note" | "email" | "sms" | "call" | "meeting";
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InteractionList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listSuppressions: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start): entries oldest first, each once while the list grows; lifted entries are announced by `suppression.deleted` */
                cursor?: string;
                channel?: components["parameters"]["channel"];
                reason?: "bounce" | "opt_out";
                /** @description One address (any case) or phone number (any international format) */
                address?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getSuppression: {
        parameters: {
            query?: {
                channel?: components["parameters"]["channel"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                /** @description An email address, or a phone number in international format (`+14155550123`) */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Suppression"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteSuppression: {
        parameters: {
            query?: {
                channel?: components["parameters"]["channel"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                /** @description An email address, or a phone number in international format (`+14155550123`) */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getInteraction: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interaction"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    sendEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": [
                 *         "ada@example.com"
                 *       ],
                 *       "from": "Sales <sales@example.com>",
                 *       "subject": "Your quote",
                 *       "text": "Hello Ada, …"
                 *     }
                 */
                "application/json": {
                    /** @description Recipient contact: `to` defaults to their email */
                    contact_id?: string;
                    /** @description One address, or a list of 1 to 50 */
                    to?: string | string[];
                    cc?: string[];
                    bcc?: string[];
                    /** @description An address, or `Name <address>`; default: CRMD_EMAIL_FROM */
                    from?: string;
                    /** Format: email */
                    reply_to?: string;
                    subject: string;
                    text?: string;
                    html?: string;
                    attachments?: string[];
                    /** @description Values for `{{ name }}` placeholders in subject, text and html (escaped in html); `contact.first_name`, `contact.last_name`, `contact.email` and `contact.title` come from the contact */
                    variables?: {
                        [key: string]: string | number;
                    };
                    /** @description Default: the contact's company */
                    company_id?: string;
                    deal_id?: string;
                    /** @description Id of the email interaction this answers: sets In-Reply-To and References and joins its thread */
                    in_reply_to?: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        type: "note" | "email" | "sms" | "call" | "meeting";
                        /** @enum {string|null} */
                        direction: "inbound" | "outbound" | null;
                        /** @description email / sms: queued, sent, delivered, failed, received, bounced (email: every recipient bounced); call: in_progress, completed; note: the note's status; meeting: confirmed, tentative, cancelled */
                        status: string | null;
                        /** @description The contact the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        contact_id?: string | null;
                        /** @description The company the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        company_id?: string | null;
                        deal_id: string | null;
                        /** @description Sender address or number */
                        from: string | null;
                        to: string[];
                        cc: string[];
                        bcc: string[];
                        reply_to: string | null;
                        /** @description Email subject or meeting title */
                        subject: string | null;
                        /** @description Plain text body, call notes, note text */
                        text: string | null;
                        html: string | null;
                        /** @description Email Message-ID (without <>) */
                        message_id: string | null;
                        in_reply_to: string | null;
                        references: string[];
                        /** @description Id of the interaction that started the thread */
                        thread_id: string | null;
                        attachments: string[];
                        /** @description Email: recipients a bounce (delivery status notification) reported as undeliverable; crmd sends them nothing more */
                        bounced_recipients: string[];
                        /** @description The provider's message id: Twilio's SID; for an email, the id the SMTP relay gave it when it names one (Amazon SES replaces the Message-ID with its own), which replies threading to the email may quote */
                        provider_id: string | null;
                        /** @description The server's last answer (SMTP reply, provider status, error) */
                        provider_response: string | null;
                        attempts: number;
                        /** Format: date-time */
                        occurred_at: string;
                        /** Format: date-time */
                        sent_at: string | null;
                        /** Format: date-time */
                        ended_at: string | null;
                        duration_seconds: number | null;
                        outcome: string | null;
                        recording_url: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    rotateEmailInboundSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Shown only this once */
                        secret: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getEmailTeamAddresses: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The team's own mailboxes: addresses (`support@acme.com`) and whole domains (`@acme.com`), any case; stored lower case, each once, in the order given. They are never participants of an email conversation nor Cc'd on agents' replies, and an email from one of them in a conversation's thread is recorded as the team's message, not the customer's. CRMD_EMAIL_FROM is always the team's. An entry that is neither is 422 at its place */
                        addresses: string[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    setEmailTeamAddresses: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "addresses": [
                 *         "support@acme.com",
                 *         "sales@acme.com",
                 *         "@acme.com"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description The team's own mailboxes: addresses (`support@acme.com`) and whole domains (`@acme.com`), any case; stored lower case, each once, in the order given. They are never participants of an email conversation nor Cc'd on agents' replies, and an email from one of them in a conversation's thread is recorded as the team's message, not the customer's. CRMD_EMAIL_FROM is always the team's. An entry that is neither is 422 at its place */
                    addresses: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The team's own mailboxes: addresses (`support@acme.com`) and whole domains (`@acme.com`), any case; stored lower case, each once, in the order given. They are never participants of an email conversation nor Cc'd on agents' replies, and an email from one of them in a conversation's thread is recorded as the team's message, not the customer's. CRMD_EMAIL_FROM is always the team's. An entry that is neither is 422 at its place */
                        addresses: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    receiveInboundEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "message/rfc822": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interaction"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interaction"];
                };
            };
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequestUnmetered"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenUnmetered"];
            404: components["responses"]["NotFoundUnmetered"];
            414: components["responses"]["UriTooLongUnmetered"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimitedUnmetered"];
        };
    };
    sendSms: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to": "+14155550123",
                 *       "from": "+14155550100",
                 *       "body": "Your demo is confirmed for 10:00."
                 *     }
                 */
                "application/json": {
                    /** @description Recipient contact: `to` defaults to their first valid phone number */
                    contact_id?: string;
                    /** @description E.164, e.g. +14155550123 */
                    to?: string;
                    /** @description Sender number: one of the tenant's SMS numbers (default its first), or CRMD_SMS_FROM for a tenant with none */
                    from?: string;
                    body: string;
                    /** @description Default: the contact's company */
                    company_id?: string;
                    deal_id?: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        type: "note" | "email" | "sms" | "call" | "meeting";
                        /** @enum {string|null} */
                        direction: "inbound" | "outbound" | null;
                        /** @description email / sms: queued, sent, delivered, failed, received, bounced (email: every recipient bounced); call: in_progress, completed; note: the note's status; meeting: confirmed, tentative, cancelled */
                        status: string | null;
                        /** @description The contact the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        contact_id?: string | null;
                        /** @description The company the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        company_id?: string | null;
                        deal_id: string | null;
                        /** @description Sender address or number */
                        from: string | null;
                        to: string[];
                        cc: string[];
                        bcc: string[];
                        reply_to: string | null;
                        /** @description Email subject or meeting title */
                        subject: string | null;
                        /** @description Plain text body, call notes, note text */
                        text: string | null;
                        html: string | null;
                        /** @description Email Message-ID (without <>) */
                        message_id: string | null;
                        in_reply_to: string | null;
                        references: string[];
                        /** @description Id of the interaction that started the thread */
                        thread_id: string | null;
                        attachments: string[];
                        /** @description Email: recipients a bounce (delivery status notification) reported as undeliverable; crmd sends them nothing more */
                        bounced_recipients: string[];
                        /** @description The provider's message id: Twilio's SID; for an email, the id the SMTP relay gave it when it names one (Amazon SES replaces the Message-ID with its own), which replies threading to the email may quote */
                        provider_id: string | null;
                        /** @description The server's last answer (SMTP reply, provider status, error) */
                        provider_response: string | null;
                        attempts: number;
                        /** Format: date-time */
                        occurred_at: string;
                        /** Format: date-time */
                        sent_at: string | null;
                        /** Format: date-time */
                        ended_at: string | null;
                        duration_seconds: number | null;
                        outcome: string | null;
                        recording_url: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    receiveTwilioSms: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Empty TwiML: no reply */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/xml": string;
                };
            };
            400: components["responses"]["BadRequestUnmetered"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenUnmetered"];
            404: components["responses"]["NotFoundUnmetered"];
            409: components["responses"]["ConflictUnmetered"];
            414: components["responses"]["UriTooLongUnmetered"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimitedUnmetered"];
        };
    };
    receiveTwilioSmsStatus: {
        parameters: {
            query?: {
                /** @description The SMS interaction (its SID may not be recorded yet) */
                interaction_id?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                tenant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequestUnmetered"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenUnmetered"];
            404: components["responses"]["NotFoundUnmetered"];
            414: components["responses"]["UriTooLongUnmetered"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimitedUnmetered"];
        };
    };
    createCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "direction": "inbound",
                 *       "from": "example",
                 *       "to": "example"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    direction: "inbound" | "outbound";
                    /** @description Calling number or extension */
                    from: string;
                    /** @description Called number or extension */
                    to: string;
                    contact_id?: string;
                    /** @description Default: the contact's company */
                    company_id?: string;
                    deal_id?: string;
                    /**
                     * Format: date-time
                     * @description When the call started; default now
                     */
                    started_at?: string;
                    /**
                     * Format: date-time
                     * @description When the call ended; emits call.ended
                     */
                    ended_at?: string;
                    /** @description Default: ended_at − started_at */
                    duration_seconds?: number;
                    /** @enum {string} */
                    outcome?: "answered" | "no_answer" | "busy" | "voicemail" | "failed" | "cancelled";
                    /**
                     * Format: http-url
                     * @description http(s) URL
                     */
                    recording_url?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        type: "note" | "email" | "sms" | "call" | "meeting";
                        /** @enum {string|null} */
                        direction: "inbound" | "outbound" | null;
                        /** @description email / sms: queued, sent, delivered, failed, received, bounced (email: every recipient bounced); call: in_progress, completed; note: the note's status; meeting: confirmed, tentative, cancelled */
                        status: string | null;
                        /** @description The contact the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        contact_id?: string | null;
                        /** @description The company the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        company_id?: string | null;
                        deal_id: string | null;
                        /** @description Sender address or number */
                        from: string | null;
                        to: string[];
                        cc: string[];
                        bcc: string[];
                        reply_to: string | null;
                        /** @description Email subject or meeting title */
                        subject: string | null;
                        /** @description Plain text body, call notes, note text */
                        text: string | null;
                        html: string | null;
                        /** @description Email Message-ID (without <>) */
                        message_id: string | null;
                        in_reply_to: string | null;
                        references: string[];
                        /** @description Id of the interaction that started the thread */
                        thread_id: string | null;
                        attachments: string[];
                        /** @description Email: recipients a bounce (delivery status notification) reported as undeliverable; crmd sends them nothing more */
                        bounced_recipients: string[];
                        /** @description The provider's message id: Twilio's SID; for an email, the id the SMTP relay gave it when it names one (Amazon SES replaces the Message-ID with its own), which replies threading to the email may quote */
                        provider_id: string | null;
                        /** @description The server's last answer (SMTP reply, provider status, error) */
                        provider_response: string | null;
                        attempts: number;
                        /** Format: date-time */
                        occurred_at: string;
                        /** Format: date-time */
                        sent_at: string | null;
                        /** Format: date-time */
                        ended_at: string | null;
                        duration_seconds: number | null;
                        outcome: string | null;
                        recording_url: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description When the call ended; emits call.ended
                     */
                    ended_at?: string;
                    /** @description Default: ended_at − started_at */
                    duration_seconds?: number;
                    /** @enum {string} */
                    outcome?: "answered" | "no_answer" | "busy" | "voicemail" | "failed" | "cancelled";
                    /**
                     * Format: http-url
                     * @description http(s) URL
                     */
                    recording_url?: string;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        type: "note" | "email" | "sms" | "call" | "meeting";
                        /** @enum {string|null} */
                        direction: "inbound" | "outbound" | null;
                        /** @description email / sms: queued, sent, delivered, failed, received, bounced (email: every recipient bounced); call: in_progress, completed; note: the note's status; meeting: confirmed, tentative, cancelled */
                        status: string | null;
                        /** @description The contact the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        contact_id?: string | null;
                        /** @description The company the interaction is linked to; left out of the answer for a key holding neither interactions:read nor contacts:read (crmd may have found it from the contact or the address) */
                        company_id?: string | null;
                        deal_id: string | null;
                        /** @description Sender address or number */
                        from: string | null;
                        to: string[];
                        cc: string[];
                        bcc: string[];
                        reply_to: string | null;
                        /** @description Email subject or meeting title */
                        subject: string | null;
                        /** @description Plain text body, call notes, note text */
                        text: string | null;
                        html: string | null;
                        /** @description Email Message-ID (without <>) */
                        message_id: string | null;
                        in_reply_to: string | null;
                        references: string[];
                        /** @description Id of the interaction that started the thread */
                        thread_id: string | null;
                        attachments: string[];
                        /** @description Email: recipients a bounce (delivery status notification) reported as undeliverable; crmd sends them nothing more */
                        bounced_recipients: string[];
                        /** @description The provider's message id: Twilio's SID; for an email, the id the SMTP relay gave it when it names one (Amazon SES replaces the Message-ID with its own), which replies threading to the email may quote */
                        provider_id: string | null;
                        /** @description The server's last answer (SMTP reply, provider status, error) */
                        provider_response: string | null;
                        attempts: number;
                        /** Format: date-time */
                        occurred_at: string;
                        /** Format: date-time */
                        sent_at: string | null;
                        /** Format: date-time */
                        ended_at: string | null;
                        duration_seconds: number | null;
                        outcome: string | null;
                        recording_url: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    search: {
        parameters: {
            query: {
                /** @description Words to find; each matches as a word prefix, all must occur */
                q: string;
                /** @description Comma-separated subset of contacts, companies, deals, leads, notes, properties (MLS) and the tenant's custom objects' plurals. Default: every type the key may read; naming a type the key may not read is 403 */
                types?: string;
                page?: number;
                page_size?: number;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description contacts, companies, deals, leads, notes, properties, or a custom object's plural */
                            type: string;
                            id: string;
                            /** @description Name or title (a note's first characters; a custom record's display) */
                            title: string;
                            /** @description Matching text as HTML: the record's text escaped, matches wrapped in <mark></mark> */
                            snippet: string;
                            /** @description Relevance, higher is better (bm25) */
                            score: number;
                        }[];
                        total: number;
                        page: number;
                        page_size: number;
                        has_more: boolean;
                    };
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getPipelineOverview: {
        parameters: {
            query?: {
                pipeline_type?: "qualification" | "sales";
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pipelines: {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            pipeline_type: "qualification" | "sales";
                            is_default: boolean;
                            first_response_hours: number | null;
                            stages: {
                                id: string;
                                pipeline_id: string;
                                name: string;
                                position: number;
                                /** @enum {string} */
                                kind: "open" | "won" | "lost";
                                probability: number | null;
                                sla_hours: number | null;
                                sla_warning_pct: number;
                                warn_before_minutes: number | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Open deals (leads) in the stage */
                                count: number;
                                /** @description Total value of those deals, minor units; 0 for leads */
                                value: number;
                                /** @description Average time in stage of those records, hours; null when none */
                                avg_time_in_stage_hours: number | null;
                                /** @description How many of them are past the stage's sla_hours */
                                past_sla_count: number;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            deleted_at: string | null;
                            count: number;
                            value: number;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listPipelines: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                pipeline_type?: "qualification" | "sales";
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Inbound",
                 *       "pipeline_type": "sales",
                 *       "stages": [
                 *         {
                 *           "name": "New",
                 *           "sla_hours": 24
                 *         },
                 *         {
                 *           "name": "Proposal",
                 *           "sla_hours": 72
                 *         },
                 *         {
                 *           "name": "Won",
                 *           "kind": "won"
                 *         },
                 *         {
                 *           "name": "Lost",
                 *           "kind": "lost"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description The default pipeline of its type (deals and leads land there without pipeline_id). Default: true when the tenant has no default of that type yet */
                    is_default?: boolean;
                    /** @description Leads: SLA from creation to first response (status contacted or later) */
                    first_response_hours?: number | null;
                    /** @enum {string} */
                    pipeline_type: "qualification" | "sales";
                    /** @description Ordered stages */
                    stages: {
                        /** @description PATCH /pipelines/{id}: an existing stage's id keeps that stage */
                        id?: string;
                        name: string;
                        /** @enum {string} */
                        kind?: "open" | "won" | "lost";
                        probability?: number | null;
                        /** @description SLA: max time in stage, hours */
                        sla_hours?: number | null;
                        /** @description sla.warning at this % of sla_hours (default 80) */
                        sla_warning_pct?: number;
                        /** @description Alternative warning point: minutes before the SLA target */
                        warn_before_minutes?: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deletePipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updatePipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    name?: string;
                    /** @description The default pipeline of its type (deals and leads land there without pipeline_id). Default: true when the tenant has no default of that type yet */
                    is_default?: boolean;
                    /** @description Leads: SLA from creation to first response (status contacted or later) */
                    first_response_hours?: number | null;
                    /** @description Replaces the stage list in this order: items with an id keep that stage, items without one are new, stages left out are removed (409 while deals or leads are in them) */
                    stages?: {
                        /** @description PATCH /pipelines/{id}: an existing stage's id keeps that stage */
                        id?: string;
                        name: string;
                        /** @enum {string} */
                        kind?: "open" | "won" | "lost";
                        probability?: number | null;
                        /** @description SLA: max time in stage, hours */
                        sla_hours?: number | null;
                        /** @description sla.warning at this % of sla_hours (default 80) */
                        sla_warning_pct?: number;
                        /** @description Alternative warning point: minutes before the SLA target */
                        warn_before_minutes?: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createPipelineStage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "example"
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind?: "open" | "won" | "lost";
                    probability?: number | null;
                    /** @description SLA: max time in stage, hours */
                    sla_hours?: number | null;
                    /** @description sla.warning at this % of sla_hours (default 80) */
                    sla_warning_pct?: number;
                    /** @description Alternative warning point: minutes before the SLA target */
                    warn_before_minutes?: number | null;
                    /** @description 1-based position; default: after the last stage */
                    position?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deletePipelineStage: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
                stage_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updatePipelineStage: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
                stage_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    name?: string;
                    /** @enum {string} */
                    kind?: "open" | "won" | "lost";
                    probability?: number | null;
                    /** @description SLA: max time in stage, hours */
                    sla_hours?: number | null;
                    /** @description sla.warning at this % of sla_hours (default 80) */
                    sla_warning_pct?: number;
                    /** @description Alternative warning point: minutes before the SLA target */
                    warn_before_minutes?: number | null;
                    /** @description 1-based position; default: after the last stage */
                    position?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pipeline"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listDeals: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                status?: "open" | "won" | "lost";
                /** @description Stage name, in any letter case */
                stage?: string;
                pipeline_id?: string;
                stage_id?: string;
                owner?: components["parameters"]["owner"];
                partner_id?: string;
                /** @description The deal's primary contact (its `contact_id` field) only; deals linked to a contact in any way (`contact_ids`): `associated_with=contacts:<id>` */
                contact_id?: string;
                company_id?: components["parameters"]["company_id"];
                lead_id?: components["parameters"]["lead_id"];
                /** @description Comma-separated; every tag must match */
                tags?: string;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DealList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "example"
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string | null;
                    /** @description Minor units (cents) */
                    value?: number;
                    /** @description ISO 4217, three upper-case letters */
                    currency?: string;
                    owner?: string | null;
                    /** @description Id of a lead of the same tenant */
                    lead_id?: string | null;
                    /** @description Id of a contact of the same tenant */
                    contact_id?: string | null;
                    /** @description Contacts linked to the deal (seed 004): replaces its links to contacts; contact_id stays primary (default: the first) */
                    contact_ids?: string[];
                    /** @description Id of a company of the same tenant */
                    company_id?: string | null;
                    /** @description Id of a partner of the same tenant */
                    partner_id?: string | null;
                    /** @description YYYY-MM-DD */
                    expected_close_date?: string | null;
                    tags?: string[];
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    /** @description Kept when the deal is (or goes) lost */
                    lost_reason?: string | null;
                    /** @description Sales pipeline; default: the tenant's default sales pipeline */
                    pipeline_id?: string;
                    /** @description Default: the pipeline's first open stage */
                    stage_id?: string;
                    /** @description Stage name within the pipeline, in any letter case */
                    stage?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getDeal: {
        parameters: {
            query?: {
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        title: string;
                        description: string | null;
                        /** @description Minor units (cents) */
                        value: number;
                        /** @description ISO 4217 */
                        currency: string;
                        /** @enum {string} */
                        status: "open" | "won" | "lost";
                        pipeline_id: string;
                        stage_id: string;
                        /** @description Stage name */
                        stage: string | null;
                        /** Format: date-time */
                        stage_entered_at: string;
                        owner: string | null;
                        lead_id: string | null;
                        contact_id: string | null;
                        /** @description Every linked contact (associations deals → contacts); contact_id is the primary one */
                        contact_ids: string[];
                        company_id: string | null;
                        partner_id: string | null;
                        /** Format: date */
                        expected_close_date: string | null;
                        /** Format: date-time */
                        won_at: string | null;
                        /** Format: date-time */
                        lost_at: string | null;
                        lost_reason: string | null;
                        tags: string[];
                        custom_fields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                        /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                        associations?: {
                            [key: string]: {
                                /** @description The linked record's id */
                                id: string;
                                /** @description The linked record's object type */
                                object: string;
                                /** @description The link's role, e.g. "decision maker" */
                                label: string | null;
                                link_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    title?: string;
                    description?: string | null;
                    /** @description Minor units (cents) */
                    value?: number;
                    /** @description ISO 4217, three upper-case letters */
                    currency?: string;
                    owner?: string | null;
                    /** @description Id of a lead of the same tenant */
                    lead_id?: string | null;
                    /** @description Id of a contact of the same tenant */
                    contact_id?: string | null;
                    /** @description Contacts linked to the deal (seed 004): replaces its links to contacts; contact_id stays primary (default: the first) */
                    contact_ids?: string[];
                    /** @description Id of a company of the same tenant */
                    company_id?: string | null;
                    /** @description Id of a partner of the same tenant */
                    partner_id?: string | null;
                    /** @description YYYY-MM-DD */
                    expected_close_date?: string | null;
                    tags?: string[];
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    /** @description Kept when the deal is (or goes) lost */
                    lost_reason?: string | null;
                    /** @description Sales pipeline; default: the tenant's default sales pipeline */
                    pipeline_id?: string;
                    /** @description Default: the pipeline's first open stage */
                    stage_id?: string;
                    /** @description Stage name within the pipeline, in any letter case */
                    stage?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    moveDeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "stage": "Proposal"
                 *     }
                 */
                "application/json": {
                    stage_id?: string;
                    /** @description Stage name within the pipeline, in any letter case */
                    stage?: string;
                    /** @description Kept when the deal is (or goes) lost */
                    lost_reason?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listLeads: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                status?: "new" | "contacted" | "qualified" | "disqualified" | "converted";
                tier?: "A" | "B" | "C" | "D";
                source?: string;
                owner?: components["parameters"]["owner"];
                partner_id?: string;
                pipeline_id?: string;
                stage_id?: string;
                /** @description Comma-separated; every tag must match */
                tags?: string;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeadList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "example"
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** Format: email */
                    email?: string | null;
                    phone?: string | null;
                    company_name?: string | null;
                    title?: string | null;
                    source?: string | null;
                    /** @enum {string} */
                    status?: "new" | "contacted" | "qualified" | "disqualified";
                    /** @enum {string|null} */
                    tier?: "A" | "B" | "C" | "D" | null;
                    score?: number | null;
                    owner?: string | null;
                    /** @description Id of a partner of the same tenant */
                    partner_id?: string | null;
                    /** @description Id of a contact of the same tenant */
                    contact_id?: string | null;
                    /** @description Id of a company of the same tenant */
                    company_id?: string | null;
                    /** @description Qualification pipeline; default: the tenant's default qualification pipeline */
                    pipeline_id?: string;
                    /** @description Default: the pipeline's first open stage */
                    stage_id?: string;
                    /** @description Stage name within the pipeline, in any letter case */
                    stage?: string;
                    notes?: string | null;
                    disqualify_reason?: string | null;
                    tags?: string[];
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLead: {
        parameters: {
            query?: {
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        company_name: string | null;
                        title: string | null;
                        source: string | null;
                        /** @enum {string} */
                        status: "new" | "contacted" | "qualified" | "disqualified" | "converted";
                        /** @enum {string|null} */
                        tier: "A" | "B" | "C" | "D" | null;
                        score: number | null;
                        owner: string | null;
                        partner_id: string | null;
                        contact_id: string | null;
                        company_id: string | null;
                        pipeline_id: string | null;
                        stage_id: string | null;
                        /** @description Stage name */
                        stage: string | null;
                        /** Format: date-time */
                        stage_entered_at: string | null;
                        /**
                         * Format: date-time
                         * @description First move to contacted or later
                         */
                        first_responded_at: string | null;
                        /** Format: date-time */
                        qualified_at: string | null;
                        /** Format: date-time */
                        disqualified_at: string | null;
                        disqualify_reason: string | null;
                        /** Format: date-time */
                        converted_at: string | null;
                        converted_deal_id: string | null;
                        notes: string | null;
                        tags: string[];
                        custom_fields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                        /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                        associations?: {
                            [key: string]: {
                                /** @description The linked record's id */
                                id: string;
                                /** @description The linked record's object type */
                                object: string;
                                /** @description The link's role, e.g. "decision maker" */
                                label: string | null;
                                link_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    name?: string;
                    /** Format: email */
                    email?: string | null;
                    phone?: string | null;
                    company_name?: string | null;
                    title?: string | null;
                    source?: string | null;
                    /** @enum {string} */
                    status?: "new" | "contacted" | "qualified" | "disqualified";
                    /** @enum {string|null} */
                    tier?: "A" | "B" | "C" | "D" | null;
                    score?: number | null;
                    owner?: string | null;
                    /** @description Id of a partner of the same tenant */
                    partner_id?: string | null;
                    /** @description Id of a contact of the same tenant */
                    contact_id?: string | null;
                    /** @description Id of a company of the same tenant */
                    company_id?: string | null;
                    /** @description Qualification pipeline; default: the tenant's default qualification pipeline */
                    pipeline_id?: string;
                    /** @description Default: the pipeline's first open stage */
                    stage_id?: string;
                    /** @description Stage name within the pipeline, in any letter case */
                    stage?: string;
                    notes?: string | null;
                    disqualify_reason?: string | null;
                    tags?: string[];
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    qualifyLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    disqualifyLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    reason?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lead"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    convertLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description Sales pipeline; default: the tenant's default sales pipeline */
                    pipeline_id?: string;
                    stage_id?: string;
                    stage?: string;
                    /** @description Default: company name, else name */
                    title?: string;
                    /** @description Minor units (cents) */
                    value?: number;
                    currency?: string;
                    owner?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lead: components["schemas"]["Lead"];
                        deal: components["schemas"]["Deal"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    startDealHandoff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to_owner": "example"
                 *     }
                 */
                "application/json": {
                    to_owner: string;
                    /** @description Pipeline to move the record to on completion (sales for deals, qualification for leads) */
                    to_pipeline_id?: string;
                    /** @description Stage to move it to; default: the target pipeline's first open stage */
                    to_stage_id?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    startLeadHandoff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "to_owner": "example"
                 *     }
                 */
                "application/json": {
                    to_owner: string;
                    /** @description Pipeline to move the record to on completion (sales for deals, qualification for leads) */
                    to_pipeline_id?: string;
                    /** @description Stage to move it to; default: the target pipeline's first open stage */
                    to_stage_id?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    completeHandoff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    cancelHandoff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listHandoffs: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                status?: "pending" | "completed" | "cancelled";
                entity_type?: "deal" | "lead";
                entity_id?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getHandoff: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Handoff"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getScheduler: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The instance that answered */
                        instance_id: string;
                        jobs: {
                            name: string;
                            cron: string;
                            /** @description Running on the instance that answered */
                            running: boolean;
                            /** Format: date-time */
                            last_run_at: string | null;
                            /** @description Instance that ran it last */
                            last_run_by: string | null;
                            last_duration_ms: number | null;
                            last_outcome: "ok" | "error" | null;
                            last_error: string | null;
                            /**
                             * Format: date-time
                             * @description Time of the last successful run; the next run covers what became due after it
                             */
                            watermark: string | null;
                            /**
                             * Format: date-time
                             * @description Next tick on the instance that answered (null when it runs no timers)
                             */
                            next_run_at: string | null;
                            /** @description Instance allowed to run the job */
                            lease_holder: string | null;
                            /** Format: date-time */
                            lease_expires_at: string | null;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModifiedUnmetered"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFoundUnmetered"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationErrorUnmetered"];
            429: components["responses"]["RateLimited"];
        };
    };
    getBusinessHours: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description IANA time zone, e.g. America/New_York
                         * @example America/New_York
                         */
                        time_zone: string;
                        /**
                         * @description Working weekdays
                         * @example [
                         *       "mon",
                         *       "tue",
                         *       "wed",
                         *       "thu",
                         *       "fri"
                         *     ]
                         */
                        working_days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        /**
                         * @description Start of the working day, local time (HH:MM)
                         * @example 09:00
                         */
                        start_time: string;
                        /**
                         * @description End of the working day, local time (HH:MM, after start_time; 24:00 allowed)
                         * @example 17:00
                         */
                        end_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceBusinessHours: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "time_zone": "America/New_York",
                 *       "working_days": [
                 *         "mon",
                 *         "tue",
                 *         "wed",
                 *         "thu",
                 *         "fri"
                 *       ],
                 *       "start_time": "09:00",
                 *       "end_time": "17:00"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description IANA time zone, e.g. America/New_York
                     * @example America/New_York
                     */
                    time_zone: string;
                    /**
                     * @description Working weekdays
                     * @example [
                     *       "mon",
                     *       "tue",
                     *       "wed",
                     *       "thu",
                     *       "fri"
                     *     ]
                     */
                    working_days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                    /**
                     * @description Start of the working day, local time (HH:MM)
                     * @example 09:00
                     */
                    start_time: string;
                    /**
                     * @description End of the working day, local time (HH:MM, after start_time; 24:00 allowed)
                     * @example 17:00
                     */
                    end_time: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description IANA time zone, e.g. America/New_York
                         * @example America/New_York
                         */
                        time_zone: string;
                        /**
                         * @description Working weekdays
                         * @example [
                         *       "mon",
                         *       "tue",
                         *       "wed",
                         *       "thu",
                         *       "fri"
                         *     ]
                         */
                        working_days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        /**
                         * @description Start of the working day, local time (HH:MM)
                         * @example 09:00
                         */
                        start_time: string;
                        /**
                         * @description End of the working day, local time (HH:MM, after start_time; 24:00 allowed)
                         * @example 17:00
                         */
                        end_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteBusinessHours: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description IANA time zone, e.g. America/New_York
                         * @example America/New_York
                         */
                        time_zone: string;
                        /**
                         * @description Working weekdays
                         * @example [
                         *       "mon",
                         *       "tue",
                         *       "wed",
                         *       "thu",
                         *       "fri"
                         *     ]
                         */
                        working_days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        /**
                         * @description Start of the working day, local time (HH:MM)
                         * @example 09:00
                         */
                        start_time: string;
                        /**
                         * @description End of the working day, local time (HH:MM, after start_time; 24:00 allowed)
                         * @example 17:00
                         */
                        end_time: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/hooks/crm",
                 *       "events": [
                 *         "deal.*",
                 *         "lead.created"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description http(s) URL without credentials; must resolve to a public address */
                    url: string;
                    /** @description Event types: exact (`deal.won`), a prefix (`deal.*`) or `*` for all */
                    events: string[];
                    /** @default true */
                    is_active?: boolean;
                    /** @description Extra request headers (at most 20). Not allowed, in any letter case: X-Webhook-*, webhook-*, Content-Type, Content-Length, Host, User-Agent, traceparent and other framing headers. Values are stored encrypted and answered as ********; on update, ******** keeps a header's stored value */
                    headers?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        tenant_id: string;
                        url: string;
                        events: string[];
                        is_active: boolean;
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Why crmd disabled the webhook (410 Gone, repeated failure); null otherwise */
                        disabled_reason: string | null;
                        /** Format: date-time */
                        disabled_at: string | null;
                        consecutive_failures: number;
                        /** Format: date-time */
                        failing_since: string | null;
                        /** Format: date-time */
                        last_success_at: string | null;
                        /** Format: date-time */
                        last_failure_at: string | null;
                        /**
                         * Format: date-time
                         * @description After a rotation: until then deliveries are signed with old secrets too (each for 24 hours after the rotation that replaced it)
                         */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Signing secret (whsec_…). Shown only here: save it. X-Webhook-Signature is the hex HMAC-SHA256 of the body keyed with this string; webhook-signature follows Standard Webhooks */
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        tenant_id: string;
                        url: string;
                        events: string[];
                        is_active: boolean;
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Why crmd disabled the webhook (410 Gone, repeated failure); null otherwise */
                        disabled_reason: string | null;
                        /** Format: date-time */
                        disabled_at: string | null;
                        consecutive_failures: number;
                        /** Format: date-time */
                        failing_since: string | null;
                        /** Format: date-time */
                        last_success_at: string | null;
                        /** Format: date-time */
                        last_failure_at: string | null;
                        /**
                         * Format: date-time
                         * @description After a rotation: until then deliveries are signed with old secrets too (each for 24 hours after the rotation that replaced it)
                         */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description The 20 most recent */
                        recent_deliveries: components["schemas"]["Delivery"][];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description http(s) URL without credentials; must resolve to a public address */
                    url?: string;
                    /** @description Event types: exact (`deal.won`), a prefix (`deal.*`) or `*` for all */
                    events?: string[];
                    /** @description true re-enables a disabled webhook */
                    is_active?: boolean;
                    /** @description Extra request headers (at most 20). Not allowed, in any letter case: X-Webhook-*, webhook-*, Content-Type, Content-Length, Host, User-Agent, traceparent and other framing headers. Values are stored encrypted and answered as ********; on update, ******** keeps a header's stored value */
                    headers?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        success: boolean;
                        status_code: number | null;
                        duration_ms: number;
                        error: string | null;
                        delivery_id: string;
                        event_id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                status?: "pending" | "succeeded" | "failed";
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replayWebhook: {
        parameters: {
            query: {
                /** @description ISO 8601: failed deliveries created at or after it are sent again */
                since: string;
            };
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Failed deliveries queued again */
                        replayed: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        tenant_id: string;
                        url: string;
                        events: string[];
                        is_active: boolean;
                        headers: {
                            [key: string]: string;
                        };
                        /** @description Why crmd disabled the webhook (410 Gone, repeated failure); null otherwise */
                        disabled_reason: string | null;
                        /** Format: date-time */
                        disabled_at: string | null;
                        consecutive_failures: number;
                        /** Format: date-time */
                        failing_since: string | null;
                        /** Format: date-time */
                        last_success_at: string | null;
                        /** Format: date-time */
                        last_failure_at: string | null;
                        /**
                         * Format: date-time
                         * @description After a rotation: until then deliveries are signed with old secrets too (each for 24 hours after the rotation that replaced it)
                         */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Signing secret (whsec_…). Shown only here: save it. X-Webhook-Signature is the hex HMAC-SHA256 of the body keyed with this string; webhook-signature follows Standard Webhooks */
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                status?: "pending" | "completed" | "overdue";
                priority?: "low" | "medium" | "high" | "urgent";
                owner?: components["parameters"]["owner"];
                deal_id?: components["parameters"]["deal_id"];
                lead_id?: components["parameters"]["lead_id"];
                contact_id?: string;
                company_id?: components["parameters"]["company_id"];
                /** @description ISO 8601: due strictly before this time */
                due_before?: string;
                /** @description ISO 8601: due at or after this time */
                due_after?: string;
                /** @description Comma-separated: tasks carrying every one */
                tags?: string;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "example"
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent";
                    /** @description ISO 8601 timestamp */
                    due_at?: string | null;
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    owner?: string | null;
                    deal_id?: string | null;
                    lead_id?: string | null;
                    contact_id?: string | null;
                    company_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getTask: {
        parameters: {
            query?: {
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        description: string | null;
                        /** @enum {string} */
                        status: "pending" | "completed";
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "urgent";
                        /** Format: date-time */
                        due_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** @description Pending and past its due time, now */
                        is_overdue: boolean;
                        owner: string | null;
                        /** @description Linked deal id */
                        deal_id: string | null;
                        /** @description Linked lead id */
                        lead_id: string | null;
                        /** @description Linked contact id */
                        contact_id: string | null;
                        /** @description Linked company id */
                        company_id: string | null;
                        tags: string[];
                        /** @description Any JSON values, keyed by name */
                        custom_fields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                        /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                        associations?: {
                            [key: string]: {
                                /** @description The linked record's id */
                                id: string;
                                /** @description The linked record's object type */
                                object: string;
                                /** @description The link's role, e.g. "decision maker" */
                                label: string | null;
                                link_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "example"
                 *     }
                 */
                "application/json": {
                    title: string;
                    description?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent";
                    /** @enum {string} */
                    status?: "pending" | "completed";
                    /** @description ISO 8601 timestamp */
                    due_at?: string | null;
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    owner?: string | null;
                    deal_id?: string | null;
                    lead_id?: string | null;
                    contact_id?: string | null;
                    company_id?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    title?: string;
                    description?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent";
                    /** @enum {string} */
                    status?: "pending" | "completed";
                    /** @description ISO 8601 timestamp */
                    due_at?: string | null;
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    owner?: string | null;
                    deal_id?: string | null;
                    lead_id?: string | null;
                    contact_id?: string | null;
                    company_id?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    completeTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listPartners: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                status?: "active" | "inactive";
                partner_type?: "referral" | "reseller" | "affiliate" | "technology";
                /** @description Comma-separated: partners carrying every one */
                tags?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createPartner: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "example"
                 *     }
                 */
                "application/json": {
                    /** @description Unique per tenant */
                    name: string;
                    /** @enum {string} */
                    partner_type?: "referral" | "reseller" | "affiliate" | "technology";
                    /** Format: email */
                    email?: string | null;
                    phone?: string | null;
                    website?: string | null;
                    /** @enum {string} */
                    status?: "active" | "inactive";
                    commission_pct?: number | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getPartner: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deletePartner: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updatePartner: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description Unique per tenant */
                    name?: string;
                    /** @enum {string} */
                    partner_type?: "referral" | "reseller" | "affiliate" | "technology";
                    /** Format: email */
                    email?: string | null;
                    phone?: string | null;
                    website?: string | null;
                    /** @enum {string} */
                    status?: "active" | "inactive";
                    commission_pct?: number | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listActivity: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description deal, lead, task, partner, …; an unknown type is a 422 */
                entity_type?: string;
                entity_id?: string;
                action?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getKpis: {
        parameters: {
            query?: {
                period?: "week" | "month" | "quarter" | "year";
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        period: "week" | "month" | "quarter" | "year";
                        /** Format: date-time */
                        period_start: string;
                        /** Format: date-time */
                        generated_at: string;
                        leads: {
                            /** @description Leads created in the period */
                            total: number;
                            /** @description Leads qualified in the period */
                            qualified: number;
                            /** @description Percent, one decimal; 0 when there is nothing to divide */
                            qualification_rate: number;
                        };
                        deals: {
                            /** @description Deals created in the period */
                            total: number;
                            open: number;
                            won: number;
                            lost: number;
                            /** @description Percent, one decimal; 0 when there is nothing to divide */
                            win_rate: number;
                        };
                        pipeline: {
                            /** @description Value of all open deals, in cents */
                            value: number;
                            /** @description Minor units (cents), summed across currencies */
                            won_value: number;
                        };
                        tasks: {
                            /** @description Tasks created in the period */
                            total: number;
                            /** @description All tasks overdue now */
                            overdue: number;
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                status?: "open" | "pending" | "closed";
                assignee?: string;
                customer_id?: string;
                channel?: "chat" | "email" | "sms" | "other";
                priority?: "low" | "medium" | "high" | "urgent";
                /** @description Comma-separated: conversations carrying all of them */
                tags?: string;
                /** @description true: with unseen customer messages; false: without */
                unread?: boolean;
                /** @description true: archived only; false: not archived (default: both) */
                archived?: boolean;
                /** @description true: without an assignee; false: with one (default: both) */
                unassigned?: boolean;
                sort?: "-created_at" | "created_at" | "-last_message_at" | "last_message_at";
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "customer_id": "example"
                 *     }
                 */
                "application/json": {
                    /** @description A contact of this tenant */
                    customer_id: string;
                    /** @enum {string} */
                    channel?: "chat" | "email" | "sms" | "other";
                    /** @description An email or sms conversation: the customer's address or number (any international format, stored in E.164) agents' replies go to; default: the contact's primary email or first valid phone number */
                    customer_address?: string;
                    /** @enum {string} */
                    status?: "open" | "pending" | "closed";
                    assignee?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent";
                    subject?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @enum {string} */
                    status?: "open" | "pending" | "closed";
                    assignee?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent";
                    subject?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description The participants to keep on the thread: those left out are removed (no longer Cc'd; their replies open their own conversation; later emails naming them do not add them back). Each must be a participant of the conversation, or one removed before (it comes back). A PUT without it keeps them */
                    participants?: {
                        /** @description A participant's address (any case) */
                        email: string;
                        /** @description Ignored: as the view shows it */
                        contact_id?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @enum {string} */
                    status?: "open" | "pending" | "closed";
                    assignee?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "urgent";
                    subject?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description The participants to keep on the thread: those left out are removed (no longer Cc'd; their replies open their own conversation; later emails naming them do not add them back). Each must be a participant of the conversation, or one removed before (it comes back). A PUT without it keeps them */
                    participants?: {
                        /** @description A participant's address (any case) */
                        email: string;
                        /** @description Ignored: as the view shows it */
                        contact_id?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    archiveConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    unarchiveConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    shareConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "teammate": "example"
                 *     }
                 */
                "application/json": {
                    teammate: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    markConversationSeen: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description Messages to mark seen; default every unseen customer message */
                    message_ids?: string[];
                    /** @description The last message the reader was shown: marks the other side's unseen messages up to it in thread order (sent_at, ties by id), it included, none after it */
                    up_to?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        seen: components["schemas"]["Message"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                conversation_id?: string;
                customer_id?: string;
                author_type?: "agent" | "customer";
                channel?: "chat" | "email" | "sms" | "other";
                /** @description true: not seen yet; false: seen */
                unseen?: boolean;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "conversation_id": "example",
                 *       "body": "example"
                 *     }
                 */
                "application/json": {
                    conversation_id: string;
                    body: string;
                    /** @enum {string} */
                    author_type?: "agent" | "customer";
                    author_id?: string | null;
                    /** @description Links to files */
                    attachments?: {
                        /**
                         * Format: http-url
                         * @description http(s) URL
                         */
                        url: string;
                        name?: string | null;
                        mime_type?: string | null;
                    }[];
                    /** @enum {string} */
                    channel?: "chat" | "email" | "sms" | "other";
                    /** @description The message's id in its channel: sending it again returns the first message */
                    external_id?: string;
                    /** @description ISO 8601 timestamp */
                    sent_at?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "example"
                 *     }
                 */
                "application/json": {
                    body: string;
                    /** @description Links to files */
                    attachments?: {
                        /**
                         * Format: http-url
                         * @description http(s) URL
                         */
                        url: string;
                        name?: string | null;
                        mime_type?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    body?: string;
                    /** @description Links to files */
                    attachments?: {
                        /**
                         * Format: http-url
                         * @description http(s) URL
                         */
                        url: string;
                        name?: string | null;
                        mime_type?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    identifyCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "name": "Ada Lovelace"
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email?: string;
                    /** @description The customer's id in your own system */
                    external_id?: string;
                    name?: string;
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                /** @description Exact email, any of the contact's emails, case-insensitive */
                email?: string;
                /** @description Words (prefixes) in name, emails or phone numbers */
                search?: string;
                company_id?: components["parameters"]["company_id"];
                /** @description Comma-separated: contacts carrying all of them */
                tags?: string;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
                /** @description The customer with this external id */
                external_id?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Ada",
                 *       "last_name": "Lovelace",
                 *       "email": [
                 *         {
                 *           "email": "ada@example.com"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    first_name?: string | null;
                    last_name?: string | null;
                    /** @description The first one is the primary email */
                    email?: {
                        /** Format: email */
                        email: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    phone_number?: {
                        number: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    title?: string | null;
                    /** @description A company of this tenant */
                    company_id?: string | null;
                    owner?: string | null;
                    status?: string | null;
                    background?: string | null;
                    /**
                     * Format: http-url
                     * @description http(s) URL
                     */
                    linkedin_url?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    /** @description ISO 8601 timestamp */
                    last_seen_at?: string | null;
                    /** @description The contact opted out of email: sends to them are 409. True as well when the contact is given an address that opted out (the suppression list); false lifts the opt-out of its addresses, not a bounce */
                    email_opt_out?: boolean;
                    /** @description The contact opted out of SMS (also set by an inbound STOP, and when the contact is given a number that opted out). false lifts opt-outs recorded through the API; a number that texted STOP is lifted only by its START (false is then 409 OPTED_OUT, nothing written) */
                    sms_opt_out?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Ada",
                 *       "last_name": "Lovelace",
                 *       "email": [
                 *         {
                 *           "email": "ada@example.com"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    first_name?: string | null;
                    last_name?: string | null;
                    /** @description The first one is the primary email */
                    email?: {
                        /** Format: email */
                        email: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    phone_number?: {
                        number: string;
                        /** @description Work, Home, Mobile, … (default Work) */
                        type?: string;
                    }[];
                    title?: string | null;
                    /** @description A company of this tenant */
                    company_id?: string | null;
                    owner?: string | null;
                    status?: string | null;
                    background?: string | null;
                    /**
                     * Format: http-url
                     * @description http(s) URL
                     */
                    linkedin_url?: string | null;
                    /** @description Labels; lists filter with `tags=a,b` (all of them) */
                    tags?: string[];
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                    /** @description ISO 8601 timestamp */
                    last_seen_at?: string | null;
                    /** @description The contact opted out of email: sends to them are 409. True as well when the contact is given an address that opted out (the suppression list); false lifts the opt-out of its addresses, not a bounce */
                    email_opt_out?: boolean;
                    /** @description The contact opted out of SMS (also set by an inbound STOP, and when the contact is given a number that opted out). false lifts opt-outs recorded through the API; a number that texted STOP is lifted only by its START (false is then 409 OPTED_OUT, nothing written) */
                    sms_opt_out?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Comma-separated patterns: exact types, `prefix.*` or `*` (default) */
                types?: string;
                /** @description ISO 8601: events that occurred at or after it */
                since?: string;
                /** @description An event cursor from `next_cursor` or an SSE event id (empty string: from the oldest retained event) */
                cursor?: string;
                /** @description 1-500 */
                page_size?: number;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            id: string;
                            event_type: string;
                            /** Format: date-time */
                            timestamp: string;
                            tenant_id: string;
                            data: unknown;
                            metadata: {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @description Pass as `cursor` to continue after these events */
                        next_cursor: string;
                        has_more: boolean;
                        page_size: number;
                    };
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Comma-separated patterns: exact types, `prefix.*` or `*` (default) */
                types?: string;
                /** @description An event cursor from `next_cursor` or an SSE event id (empty string: from the oldest retained event) */
                cursor?: string;
            };
            header?: {
                /** @description The `id` of the last event received (EventSource sends it on reconnecting): the stream resumes right after it, the backlog first. Wins over `cursor`. */
                "last-event-id"?: string;
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Not Acceptable */
            406: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listCustomFields: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        fields: {
                            id: string;
                            /** @description Object type (API plural) */
                            object: string;
                            key: string;
                            label: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                            required: boolean;
                            unique: boolean;
                            default: unknown;
                            options: string[] | null;
                            reference_object: string | null;
                            currency: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createCustomField: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "key": "example",
                 *       "label": "example",
                 *       "type": "text"
                 *     }
                 */
                "application/json": {
                    /** @description Name in `custom_fields` and in `cf.<key>` filters: lower case, digits, _ */
                    key: string;
                    label: string;
                    description?: string | null;
                    /** @enum {string} */
                    type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                    /** @description Every write must leave a value (default false) */
                    required?: boolean;
                    /** @description No two live records share a value (default false) */
                    unique?: boolean;
                    /** @description Value given to new records that set none */
                    default?: unknown;
                    /** @description The allowed values of a select or multi_select, distinct in any letter case */
                    options?: string[] | null;
                    /** @description reference: the object type its ids name (e.g. contacts) */
                    reference_object?: string | null;
                    /** @description money: currency of plain integer values */
                    currency?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Object type (API plural) */
                        object: string;
                        key: string;
                        label: string;
                        description: string | null;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                        required: boolean;
                        unique: boolean;
                        default: unknown;
                        options: string[] | null;
                        reference_object: string | null;
                        currency: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getCustomField: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
                key: components["parameters"]["key"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Object type (API plural) */
                        object: string;
                        key: string;
                        label: string;
                        description: string | null;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                        required: boolean;
                        unique: boolean;
                        default: unknown;
                        options: string[] | null;
                        reference_object: string | null;
                        currency: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteCustomField: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
                key: components["parameters"]["key"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateCustomField: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
                key: components["parameters"]["key"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    label?: string;
                    description?: string | null;
                    /** @enum {string} */
                    type?: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                    /** @description Every write must leave a value (default false) */
                    required?: boolean;
                    /** @description No two live records share a value (default false) */
                    unique?: boolean;
                    /** @description Value given to new records that set none */
                    default?: unknown;
                    /** @description The allowed values of a select or multi_select, distinct in any letter case */
                    options?: string[] | null;
                    /** @description reference: the object type its ids name (e.g. contacts) */
                    reference_object?: string | null;
                    /** @description money: currency of plain integer values */
                    currency?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description Object type (API plural) */
                        object: string;
                        key: string;
                        label: string;
                        description: string | null;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                        required: boolean;
                        unique: boolean;
                        default: unknown;
                        options: string[] | null;
                        reference_object: string | null;
                        currency: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getArchivedCustomFieldValues: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        record_id: string;
                        /** @description Values of removed fields, by key (the latest removal of a key wins) */
                        archived: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listAssociations: {
        parameters: {
            query?: {
                /** @description Only links with this label */
                label?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
                to: components["parameters"]["to"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        associations: {
                            /** @description The linked record's id */
                            id: string;
                            /** @description The linked record's object type */
                            object: string;
                            /** @description The link's role, e.g. "decision maker" */
                            label: string | null;
                            link_id: string;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceAssociations: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
                to: components["parameters"]["to"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "associations": []
                 *     }
                 */
                "application/json": {
                    /** @description The complete set of links to this object type */
                    associations: {
                        id: string;
                        /** @description The link's role, e.g. "decision maker", "buyer" */
                        label?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        associations: {
                            /** @description The linked record's id */
                            id: string;
                            /** @description The linked record's object type */
                            object: string;
                            /** @description The link's role, e.g. "decision maker" */
                            label: string | null;
                            link_id: string;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteAssociations: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
                to: components["parameters"]["to"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createAssociation: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
                to: components["parameters"]["to"];
                to_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    /** @description The link's role, e.g. "decision maker", "buyer" */
                    label?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The linked record's id */
                        id: string;
                        /** @description The linked record's object type */
                        object: string;
                        /** @description The link's role, e.g. "decision maker" */
                        label: string | null;
                        link_id: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteAssociation: {
        parameters: {
            query?: {
                /** @description Only links with this label */
                label?: string;
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
                to: components["parameters"]["to"];
                to_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listObjectTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        object_types: {
                            id: string;
                            name: string;
                            plural: string;
                            label: string;
                            description: string | null;
                            primary_field: string;
                            fields: {
                                id: string;
                                /** @description Object type (API plural) */
                                object: string;
                                key: string;
                                label: string;
                                description: string | null;
                                /** @enum {string} */
                                type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                                required: boolean;
                                unique: boolean;
                                default: unknown;
                                options: string[] | null;
                                reference_object: string | null;
                                currency: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createObjectType: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "vehicle",
                 *       "plural": "vehicles",
                 *       "label": "Vehicles",
                 *       "primary_field": "model",
                 *       "fields": [
                 *         {
                 *           "key": "model",
                 *           "label": "Model",
                 *           "type": "text"
                 *         },
                 *         {
                 *           "key": "vin",
                 *           "label": "VIN",
                 *           "type": "text",
                 *           "unique": true
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Singular, lower case: events are `<name>.created|updated|deleted` */
                    name: string;
                    /** @description Plural, lower case: routes `/objects/<plural>`, scopes `<plural>:read|write` */
                    plural: string;
                    label: string;
                    description?: string | null;
                    /** @description Key of the field that names a record (required) */
                    primary_field: string;
                    fields: {
                        /** @description Name in `custom_fields` and in `cf.<key>` filters: lower case, digits, _ */
                        key: string;
                        label: string;
                        description?: string | null;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                        /** @description Every write must leave a value (default false) */
                        required?: boolean;
                        /** @description No two live records share a value (default false) */
                        unique?: boolean;
                        /** @description Value given to new records that set none */
                        default?: unknown;
                        /** @description The allowed values of a select or multi_select, distinct in any letter case */
                        options?: string[] | null;
                        /** @description reference: the object type its ids name (e.g. contacts) */
                        reference_object?: string | null;
                        /** @description money: currency of plain integer values */
                        currency?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        plural: string;
                        label: string;
                        description: string | null;
                        primary_field: string;
                        fields: {
                            id: string;
                            /** @description Object type (API plural) */
                            object: string;
                            key: string;
                            label: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                            required: boolean;
                            unique: boolean;
                            default: unknown;
                            options: string[] | null;
                            reference_object: string | null;
                            currency: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getObjectType: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        plural: string;
                        label: string;
                        description: string | null;
                        primary_field: string;
                        fields: {
                            id: string;
                            /** @description Object type (API plural) */
                            object: string;
                            key: string;
                            label: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                            required: boolean;
                            unique: boolean;
                            default: unknown;
                            options: string[] | null;
                            reference_object: string | null;
                            currency: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteObjectType: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateObjectType: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    label?: string;
                    description?: string | null;
                    /** @description Key of the field that names a record: it becomes required; 422 while live records have no value for it */
                    primary_field?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        plural: string;
                        label: string;
                        description: string | null;
                        primary_field: string;
                        fields: {
                            id: string;
                            /** @description Object type (API plural) */
                            object: string;
                            key: string;
                            label: string;
                            description: string | null;
                            /** @enum {string} */
                            type: "text" | "number" | "money" | "date" | "datetime" | "boolean" | "select" | "multi_select" | "url" | "email" | "phone" | "reference";
                            required: boolean;
                            unique: boolean;
                            default: unknown;
                            options: string[] | null;
                            reference_object: string | null;
                            currency: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listObjectRecords: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                /** @description Text the primary field contains (any case) */
                search?: string;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page's records are under the plural: {"vehicles": [...], "total": …} */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        page: number;
                        page_size: number;
                        has_more: boolean;
                        next_cursor: string | null;
                    } & {
                        [key: string]: (components["schemas"]["Record"] & {
                            /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                            associations?: {
                                [key: string]: {
                                    /** @description The linked record's id */
                                    id: string;
                                    /** @description The linked record's object type */
                                    object: string;
                                    /** @description The link's role, e.g. "decision maker" */
                                    label: string | null;
                                    link_id: string;
                                    /** Format: date-time */
                                    created_at: string;
                                }[];
                            };
                        })[];
                    };
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createObjectRecord: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "properties": {
                 *         "model": "Model 3",
                 *         "vin": "5YJ3E1EA7KF317000"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description The record's values, one per field of its object type */
                    properties: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    bulkUpsertObjectRecords: {
        parameters: {
            query?: {
                /** @description A unique field: records whose value matches update that record; others create */
                match_by?: string;
            };
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "records": [
                 *         {
                 *           "properties": {
                 *             "model": "Model Y",
                 *             "vin": "7SAYGDEE5PF000001"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description 1 to 500 records */
                    records: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getObjectRecordSchema: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getObjectRecord: {
        parameters: {
            query?: {
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The object type's plural */
                        object: string;
                        /** @description The primary field's value */
                        display: string | null;
                        /** @description The record's values, one per field of its object type */
                        properties: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                        /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                        associations?: {
                            [key: string]: {
                                /** @description The linked record's id */
                                id: string;
                                /** @description The linked record's object type */
                                object: string;
                                /** @description The link's role, e.g. "decision maker" */
                                label: string | null;
                                link_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceObjectRecord: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "properties": {
                 *         "model": "Model 3",
                 *         "vin": "5YJ3E1EA7KF317000"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description The record's values, one per field of its object type */
                    properties: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteObjectRecord: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateObjectRecord: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                object: components["parameters"]["object"];
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "properties": {
                 *         "model": "Model 3",
                 *         "vin": "5YJ3E1EA7KF317000"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description The record's values, one per field of its object type */
                    properties: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listMlsProperties: {
        parameters: {
            query?: {
                /** @description Page number (default 1) */
                page?: components["parameters"]["page"];
                /** @description Items per page (1-500, default 50) */
                page_size?: components["parameters"]["page_size"];
                /** @description ISO 8601 timestamp: rows updated at or after it, oldest change first, deletions included as tombstones (deleted_at set) */
                since?: components["parameters"]["since"];
                /** @description Keyset cursor from a previous `next_cursor` (empty string: from the start). Rows come in change order, deletions included; stable while rows are written */
                cursor?: components["parameters"]["cursor"];
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
                status?: "active" | "pending" | "sold" | "withdrawn";
                property_type?: "house" | "apartment" | "condo" | "townhouse" | "land" | "commercial" | "other";
                /** @description The listing with this MLS number (exact) */
                mls_number?: string;
                /** @description Words (prefixes) in title, MLS number, address, listing agent or description */
                search?: string;
                /** @description Listings priced in this currency (ISO 4217) */
                currency?: string;
                /** @description Minor units, inclusive */
                price_min?: number;
                /** @description Minor units, inclusive */
                price_max?: number;
                /** @description Living area at least, in area_unit, whatever unit each listing uses */
                area_min?: number;
                /** @description Living area at most, in area_unit */
                area_max?: number;
                area_unit?: "sqm" | "sqft";
                bedrooms_min?: number;
                /** @description Exact city, any case */
                city?: string;
                /** @description Exact postcode, any case */
                postcode?: string;
                /** @description `<latitude>,<longitude>`: with radius_km, listings within it */
                near?: string;
                radius_km?: number;
                /** @description `<object>:<id>` or `<object>:<id>:<label>`: only records linked to that record (with that label); needs `<object>:read` (403 otherwise) */
                associated_with?: components["parameters"]["associated_with"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    Link: components["headers"]["Link"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PropertyList"];
                };
            };
            304: components["responses"]["NotModifiedPage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createMlsProperty: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "active",
                 *       "property_type": "house",
                 *       "address": {}
                 *     }
                 */
                "application/json": {
                    mls_number?: string | null;
                    /** @enum {string} */
                    status: "active" | "pending" | "sold" | "withdrawn";
                    /** @enum {string} */
                    property_type: "house" | "apartment" | "condo" | "townhouse" | "land" | "commercial" | "other";
                    title?: string | null;
                    address: {
                        street?: string | null;
                        city?: string | null;
                        postcode?: string | null;
                        region?: string | null;
                        country?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                    };
                    price?: {
                        /** @description Minor units (cents) */
                        value: number;
                        /** @description ISO 4217 */
                        currency: string;
                    } | null;
                    bedrooms?: number | null;
                    bathrooms?: number | null;
                    living_area?: number | null;
                    lot_area?: number | null;
                    /** @enum {string} */
                    area_unit?: "sqm" | "sqft";
                    year_built?: number | null;
                    description?: string | null;
                    features?: string[];
                    listing_agent?: string | null;
                    /** @description Ids of documents (the photos), in order */
                    photo_ids?: string[];
                    /** @description YYYY-MM-DD */
                    listed_at?: string | null;
                    /** @description YYYY-MM-DD, status sold only (default: the day it became sold) */
                    sold_at?: string | null;
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    bulkUpsertMlsProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body within 24 h get the stored response (Idempotent-Replayed: true); the same key with another body is 409. */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "records": [
                 *         {
                 *           "mls_number": "MLS-1042",
                 *           "status": "active",
                 *           "property_type": "apartment",
                 *           "address": {
                 *             "city": "Athens",
                 *             "postcode": "105 63"
                 *           },
                 *           "price": {
                 *             "value": 25000000,
                 *             "currency": "EUR"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description 1 to 500 records */
                    records: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyKeyConflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    getMlsProperty: {
        parameters: {
            query?: {
                /** @description associations: the record's links, grouped by object type (only to object types the key may read) */
                include?: components["parameters"]["include"];
            };
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        mls_number: string | null;
                        /** @enum {string} */
                        status: "active" | "pending" | "sold" | "withdrawn";
                        /** @enum {string} */
                        property_type: "house" | "apartment" | "condo" | "townhouse" | "land" | "commercial" | "other";
                        title: string | null;
                        address: {
                            street: string | null;
                            city: string | null;
                            postcode: string | null;
                            region: string | null;
                            country: string | null;
                            latitude: number | null;
                            longitude: number | null;
                        };
                        price: {
                            /** @description Minor units (cents) */
                            value: number;
                            /** @description ISO 4217 */
                            currency: string;
                        } | null;
                        bedrooms: number | null;
                        bathrooms: number | null;
                        living_area: number | null;
                        lot_area: number | null;
                        /** @enum {string} */
                        area_unit: "sqm" | "sqft";
                        year_built: number | null;
                        description: string | null;
                        features: string[];
                        listing_agent: string | null;
                        photo_ids: string[];
                        listed_at: string | null;
                        sold_at: string | null;
                        /** @description Any JSON values, keyed by name */
                        custom_fields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        deleted_at: string | null;
                        /** @description include=associations: linked records by object type; links to object types the key may not read (`<object>:read`) are left out */
                        associations?: {
                            [key: string]: {
                                /** @description The linked record's id */
                                id: string;
                                /** @description The linked record's object type */
                                object: string;
                                /** @description The link's role, e.g. "decision maker" */
                                label: string | null;
                                link_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    replaceMlsProperty: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "active",
                 *       "property_type": "house",
                 *       "address": {}
                 *     }
                 */
                "application/json": {
                    mls_number?: string | null;
                    /** @enum {string} */
                    status: "active" | "pending" | "sold" | "withdrawn";
                    /** @enum {string} */
                    property_type: "house" | "apartment" | "condo" | "townhouse" | "land" | "commercial" | "other";
                    title?: string | null;
                    address: {
                        street?: string | null;
                        city?: string | null;
                        postcode?: string | null;
                        region?: string | null;
                        country?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                    };
                    price?: {
                        /** @description Minor units (cents) */
                        value: number;
                        /** @description ISO 4217 */
                        currency: string;
                    } | null;
                    bedrooms?: number | null;
                    bathrooms?: number | null;
                    living_area?: number | null;
                    lot_area?: number | null;
                    /** @enum {string} */
                    area_unit?: "sqm" | "sqft";
                    year_built?: number | null;
                    description?: string | null;
                    features?: string[];
                    listing_agent?: string | null;
                    /** @description Ids of documents (the photos), in order */
                    photo_ids?: string[];
                    /** @description YYYY-MM-DD */
                    listed_at?: string | null;
                    /** @description YYYY-MM-DD, status sold only (default: the day it became sold) */
                    sold_at?: string | null;
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteMlsProperty: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateMlsProperty: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description The record's ETag as last read (`"…"`, a list of them, or `*`: the record exists): the change applies only if the record is still at that version, else 412 PRECONDITION_FAILED and nothing changes. Compared strongly: a weak tag (`W/"…"`) never matches. Without it, the change applies whatever the version */
                "If-Match"?: components["parameters"]["If-Match"];
                /** @description An HTTP date: the change applies only if the record was not updated after it (to the second), else 412. Ignored with If-Match; If-Match is exact where this is to the second */
                "If-Unmodified-Since"?: components["parameters"]["If-Unmodified-Since"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    mls_number?: string | null;
                    /** @enum {string} */
                    status?: "active" | "pending" | "sold" | "withdrawn";
                    /** @enum {string} */
                    property_type?: "house" | "apartment" | "condo" | "townhouse" | "land" | "commercial" | "other";
                    title?: string | null;
                    address?: {
                        street?: string | null;
                        city?: string | null;
                        postcode?: string | null;
                        region?: string | null;
                        country?: string | null;
                        latitude?: number | null;
                        longitude?: number | null;
                    };
                    price?: {
                        /** @description Minor units (cents) */
                        value: number;
                        /** @description ISO 4217 */
                        currency: string;
                    } | null;
                    bedrooms?: number | null;
                    bathrooms?: number | null;
                    living_area?: number | null;
                    lot_area?: number | null;
                    /** @enum {string} */
                    area_unit?: "sqm" | "sqft";
                    year_built?: number | null;
                    description?: string | null;
                    features?: string[];
                    listing_agent?: string | null;
                    /** @description Ids of documents (the photos), in order */
                    photo_ids?: string[];
                    /** @description YYYY-MM-DD */
                    listed_at?: string | null;
                    /** @description YYYY-MM-DD, status sold only (default: the day it became sold) */
                    sold_at?: string | null;
                    /** @description Any JSON values, keyed by name */
                    custom_fields?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    listWidgetKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
                /** @description An ETag of this answer: 304 without a body while the answer is still the same */
                "If-None-Match"?: components["parameters"]["If-None-Match"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["Cache-Control"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        widget_keys: {
                            id: string;
                            name: string;
                            /** @description The key's first characters, for recognising it */
                            key_prefix: string;
                            allowed_origins: string[];
                            /** @description Any JSON values, keyed by name */
                            settings: {
                                [key: string]: unknown;
                            };
                            visitor_rate_limit: number | null;
                            identity_verification_required: boolean;
                            /** @description false only on keys made before identity verification existed: rotate-identity-secret gives one */
                            has_identity_secret: boolean;
                            /**
                             * Format: date-time
                             * @description After a rotation: until then user_hash values made with earlier secrets still verify (each for 24 hours after the rotation that replaced it)
                             */
                            previous_identity_secret_expires_at: string | null;
                            /** Format: date-time */
                            revoked_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    createWidgetKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Website chat",
                 *       "allowed_origins": [
                 *         "https://www.example.com"
                 *       ],
                 *       "settings": {
                 *         "title": "Chat with us"
                 *       }
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** @description Pages on these origins may call the widget API with the key */
                    allowed_origins: string[];
                    /** @description Any JSON values, keyed by name */
                    settings?: {
                        [key: string]: unknown;
                    };
                    /** @description Requests per minute per visitor */
                    visitor_rate_limit?: number | null;
                    /** @description true: a visitor who names an email or external_id must send its user_hash (anonymous visitors still may chat). Default false */
                    identity_verification_required?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description The key's first characters, for recognising it */
                        key_prefix: string;
                        allowed_origins: string[];
                        /** @description Any JSON values, keyed by name */
                        settings: {
                            [key: string]: unknown;
                        };
                        visitor_rate_limit: number | null;
                        identity_verification_required: boolean;
                        /** @description false only on keys made before identity verification existed: rotate-identity-secret gives one */
                        has_identity_secret: boolean;
                        /**
                         * Format: date-time
                         * @description After a rotation: until then user_hash values made with earlier secrets still verify (each for 24 hours after the rotation that replaced it)
                         */
                        previous_identity_secret_expires_at: string | null;
                        /** Format: date-time */
                        revoked_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description The publishable key (pk_…), shown only this once */
                        key: string;
                        /** @description The identity verification secret, shown only this once: your backend computes a visitor's user_hash as hex HMAC-SHA256(secret, external_id, or email when there is none). Never put it in a page */
                        identity_secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    deleteWidgetKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateWidgetKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": {
                    name?: string;
                    /** @description Pages on these origins may call the widget API with the key */
                    allowed_origins?: string[];
                    /** @description Any JSON values, keyed by name */
                    settings?: {
                        [key: string]: unknown;
                    };
                    /** @description Requests per minute per visitor */
                    visitor_rate_limit?: number | null;
                    /** @description true: a visitor who names an email or external_id must send its user_hash (anonymous visitors still may chat). Default false */
                    identity_verification_required?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description The key's first characters, for recognising it */
                        key_prefix: string;
                        allowed_origins: string[];
                        /** @description Any JSON values, keyed by name */
                        settings: {
                            [key: string]: unknown;
                        };
                        visitor_rate_limit: number | null;
                        identity_verification_required: boolean;
                        /** @description false only on keys made before identity verification existed: rotate-identity-secret gives one */
                        has_identity_secret: boolean;
                        /**
                         * Format: date-time
                         * @description After a rotation: until then user_hash values made with earlier secrets still verify (each for 24 hours after the rotation that replaced it)
                         */
                        previous_identity_secret_expires_at: string | null;
                        /** Format: date-time */
                        revoked_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["BodyTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    rotateWidgetKeyIdentitySecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description `strong`: the request reads from the primary database, so it sees every write committed before it on any instance. Without it, on PostgreSQL with a read replica (CRMD_DATABASE_REPLICA_URL), the read may lag by up to 1 s; elsewhere it changes nothing. */
                "X-Consistency"?: components["parameters"]["X-Consistency"];
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description The key's first characters, for recognising it */
                        key_prefix: string;
                        allowed_origins: string[];
                        /** @description Any JSON values, keyed by name */
                        settings: {
                            [key: string]: unknown;
                        };
                        visitor_rate_limit: number | null;
                        identity_verification_required: boolean;
                        /** @description false only on keys made before identity verification existed: rotate-identity-secret gives one */
                        has_identity_secret: boolean;
                        /**
                         * Format: date-time
                         * @description After a rotation: until then user_hash values made with earlier secrets still verify (each for 24 hours after the rotation that replaced it)
                         */
                        previous_identity_secret_expires_at: string | null;
                        /** Format: date-time */
                        revoked_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description The identity verification secret, shown only this once: your backend computes a visitor's user_hash as hex HMAC-SHA256(secret, external_id, or email when there is none). Never put it in a page */
                        identity_secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
        };
    };
    associationCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "association.created";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    associationDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "association.deleted";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    businessHoursDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "business_hours.deleted";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    businessHoursUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "business_hours.updated";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    calendarEventCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "calendar.event.cancelled";
                    data: components["schemas"]["CalendarEvent"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    calendarEventCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "calendar.event.created";
                    data: components["schemas"]["CalendarEvent"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    calendarEventUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "calendar.event.updated";
                    data: components["schemas"]["CalendarEvent"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    callEndedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "call.ended";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    callStartedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "call.started";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    companyCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "company.created";
                    data: components["schemas"]["Company"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    companyDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "company.deleted";
                    data: components["schemas"]["Company"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    companyUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "company.updated";
                    data: components["schemas"]["Company"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contactCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "contact.created";
                    data: components["schemas"]["Contact"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contactDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "contact.deleted";
                    data: components["schemas"]["Contact"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contactUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "contact.updated";
                    data: components["schemas"]["Contact"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    conversationArchivedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "conversation.archived";
                    data: components["schemas"]["Conversation"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    conversationCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "conversation.created";
                    data: components["schemas"]["Conversation"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    conversationIdentityVerifiedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "conversation.identity_verified";
                    data: components["schemas"]["Conversation"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    conversationUnarchivedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "conversation.unarchived";
                    data: components["schemas"]["Conversation"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    conversationUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "conversation.updated";
                    data: components["schemas"]["Conversation"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    dealCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "deal.created";
                    data: components["schemas"]["Deal"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    dealDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "deal.deleted";
                    data: components["schemas"]["Deal"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    dealLostWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "deal.lost";
                    data: components["schemas"]["Deal"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    dealStageChangedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "deal.stage_changed";
                    data: components["schemas"]["Deal"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    dealUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "deal.updated";
                    data: components["schemas"]["Deal"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    dealWonWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "deal.won";
                    data: components["schemas"]["Deal"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    documentDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "document.deleted";
                    data: components["schemas"]["Document"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    documentSharedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "document.shared";
                    data: components["schemas"]["Document"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    documentUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "document.updated";
                    data: components["schemas"]["Document"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    documentUploadedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "document.uploaded";
                    data: components["schemas"]["Document"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    emailBouncedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "email.bounced";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    emailFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "email.failed";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    emailReceivedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "email.received";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    emailSentWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "email.sent";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    fieldCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "field.created";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    fieldDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "field.deleted";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    fieldUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "field.updated";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    handoffCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "handoff.cancelled";
                    data: components["schemas"]["Handoff"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    handoffCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "handoff.completed";
                    data: components["schemas"]["Handoff"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    handoffInitiatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "handoff.initiated";
                    data: components["schemas"]["Handoff"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    leadCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "lead.created";
                    data: components["schemas"]["Lead"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    leadDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "lead.deleted";
                    data: components["schemas"]["Lead"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    leadDisqualifiedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "lead.disqualified";
                    data: components["schemas"]["Lead"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    leadQualifiedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "lead.qualified";
                    data: components["schemas"]["Lead"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    leadUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "lead.updated";
                    data: components["schemas"]["Lead"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "message.created";
                    data: components["schemas"]["Message"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "message.deleted";
                    data: components["schemas"]["Message"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageSeenWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "message.seen";
                    data: components["schemas"]["Message"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "message.updated";
                    data: components["schemas"]["Message"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    noteCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "note.created";
                    data: components["schemas"]["Note"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    noteDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "note.deleted";
                    data: components["schemas"]["Note"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    noteUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "note.updated";
                    data: components["schemas"]["Note"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    objectTypeCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "object_type.created";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    objectTypeDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "object_type.deleted";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    objectTypeUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "object_type.updated";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    partnerCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "partner.created";
                    data: components["schemas"]["Partner"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    partnerDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "partner.deleted";
                    data: components["schemas"]["Partner"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    partnerUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "partner.updated";
                    data: components["schemas"]["Partner"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    pipelineCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "pipeline.created";
                    data: components["schemas"]["Pipeline"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    pipelineDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "pipeline.deleted";
                    data: components["schemas"]["Pipeline"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    pipelineUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "pipeline.updated";
                    data: components["schemas"]["Pipeline"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    propertyCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "property.created";
                    data: components["schemas"]["Property"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    propertyDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "property.deleted";
                    data: components["schemas"]["Property"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    propertyUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "property.updated";
                    data: components["schemas"]["Property"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    slaBreachWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "sla.breach";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    slaWarningWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "sla.warning";
                    data: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    smsDeliveredWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "sms.delivered";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    smsFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "sms.failed";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    smsReceivedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "sms.received";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    smsSentWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "sms.sent";
                    data: components["schemas"]["Interaction"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    suppressionCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "suppression.created";
                    data: components["schemas"]["Suppression"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    suppressionDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "suppression.deleted";
                    data: components["schemas"]["Suppression"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    taskCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "task.completed";
                    data: components["schemas"]["Task"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    taskCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "task.created";
                    data: components["schemas"]["Task"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    taskDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "task.deleted";
                    data: components["schemas"]["Task"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    taskOverdueWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "task.overdue";
                    data: components["schemas"]["Task"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    taskUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id (Standard Webhooks); the same on every retry */
                "webhook-id": components["parameters"]["webhook-id"];
                /** @description Unix seconds of the attempt, signed */
                "webhook-timestamp": components["parameters"]["webhook-timestamp"];
                /** @description `v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated entries after a secret rotation */
                "webhook-signature": components["parameters"]["webhook-signature"];
                /** @description Hex HMAC-SHA256 of the raw body, keyed with the secret */
                "X-Webhook-Signature": components["parameters"]["X-Webhook-Signature"];
                /** @description The event type */
                "X-Webhook-Event": components["parameters"]["X-Webhook-Event"];
                /** @description ISO 8601 time of the attempt */
                "X-Webhook-Timestamp": components["parameters"]["X-Webhook-Timestamp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"] & {
                    /** @constant */
                    event_type: "task.updated";
                    data: components["schemas"]["Task"];
                };
            };
        };
        responses: {
            /** @description Received; any 2xx status counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone: crmd disables the webhook */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
