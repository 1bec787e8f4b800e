-- Recipients an email's next attempt goes to, when the server deferred them and took the rest.
ALTER TABLE `interactions` ADD `pending_recipients` text;
