"""Meta "Download Your Information" exports: Facebook, Instagram and Messenger.

Shared by the three services: :mod:`.shape` (which service, layout and format an export
has), :mod:`.load` (which reader reads which file), :mod:`.reader` (parsing, warnings,
rows), :mod:`.labels` (labels in every language), :mod:`.html` (HTML pages and threads),
:mod:`.messages`, :mod:`.message_columns` and :mod:`.message_counts` (message threads,
as columns or only counted) and :mod:`.accounts_center` (exports that hold both a
Facebook and an Instagram part). A file is described by data, a field spec
(:mod:`.spec`, its getters and converters in :mod:`.getters`, the HTML locators and
getters in :mod:`.spec_html`), run by the one extractor (:mod:`.extract`, with
:mod:`.locate` finding the records, :mod:`.records` reading them by label and
:mod:`.identifiers` making the user's own identifiers); the off-Meta HTML index, which
follows its links to other pages, is read by :mod:`.off_meta_html`. Each service has its
importer and the table of files it reads: :mod:`.facebook`, :mod:`.instagram`,
:mod:`.messenger`.
"""
