-- Email conversations: the other people on the thread (address, contact, whether an agent removed them), Cc'd on agents' replies.
ALTER TABLE `conversations` ADD `participants` text DEFAULT '[]' NOT NULL;
