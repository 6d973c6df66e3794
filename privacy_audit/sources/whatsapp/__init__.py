"""WhatsApp exports: the account-info report (:mod:`.account`) and exported chats (:mod:`.chat`)."""
