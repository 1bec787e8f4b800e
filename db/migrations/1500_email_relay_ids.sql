-- Every id a relay gave an email, one per part it took; an email sent before has its one id in interactions.provider_id.
CREATE TABLE `email_relay_ids` (
	`tenant_id` text NOT NULL,
	`relay_id` text NOT NULL,
	`interaction_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `relay_id`, `interaction_id`)
);
