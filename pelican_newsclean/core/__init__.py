"""The cleaning core: pure Python, knowing nothing of Pelican or Jinja2.

The data flows top to bottom, one stage a module or folder:

- :mod:`.read`: bytes to metadata and numbered blocks (decode, header);
- :mod:`.repair`: mojibake, legacy encodings, no-break and zero-width characters;
- :mod:`.classify`: one decision per block (phrase rules, profiles, context, statistics);
- :mod:`.attribute`: publisher, wire, source;
- :mod:`.assemble`: decisions to the title, paragraphs and captions;
- :mod:`.pipeline`: the stages in order (``clean_text``, ``clean_bytes``...);
- :mod:`.html`: HTML bodies to blocks and back, saved web pages.

Shared tables: :mod:`.scripts` (letters and scripts), :mod:`.text` (text
patterns), :mod:`.wires` (wire services), and the data files of
``pelican_newsclean/data``.
"""
