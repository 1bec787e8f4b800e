-- Each tenant's own email addresses and domains: never thread participants, never Cc'd on agents' replies.
CREATE TABLE `team_email_addresses` (
	`tenant_id` text NOT NULL,
	`address` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `address`)
);
