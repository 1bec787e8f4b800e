-- The claim's checks answered from indexes alone: whether a due delivery is
-- leased (lease_until joins the due index), and how many of a webhook's
-- deliveries are in flight (a partial index over the few that hold a lease).
-- Both read table rows for every pending delivery before: half a claim pass
-- during a burst.
DROP INDEX `webhook_deliveries_due_idx`;
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`webhook_id`,`status`,`next_attempt_at`,`event_seq`,`lease_until`);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_leased_idx` ON `webhook_deliveries` (`webhook_id`,`lease_until`) WHERE lease_token IS NOT NULL;
