"""Exported WhatsApp chats (.txt or .zip): importer, parser, line patterns, locales."""
