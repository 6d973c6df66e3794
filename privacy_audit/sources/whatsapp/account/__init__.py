"""The WhatsApp account-info report: importer, report sections, rows per table, labels."""
