"""Facebook: the importer, the files it reads (JSON and HTML) and their extractors."""
