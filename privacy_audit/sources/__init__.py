"""Reading exports: the safe archive reader, detection, and one importer per source."""
