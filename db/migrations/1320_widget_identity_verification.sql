-- Identity verification of widget visitors: the key's sealed identity secret, the secrets of
-- earlier rotations still verifying, and whether the key requires verified identities.
ALTER TABLE `widget_keys` ADD `identity_secret` text;
--> statement-breakpoint
ALTER TABLE `widget_keys` ADD `retired_identity_secrets` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
ALTER TABLE `widget_keys` ADD `identity_verification_required` integer DEFAULT false NOT NULL;
