"""Classification of report text into the rulebook's violation types plus ``none``.

``normalise`` turns Indonesian text (slang, abbreviations, reduplication) into tokens and
stems; ``features`` names the word and character features of those tokens; ``training``
fits the model from ``netral/triage/data/labelled.jsonl`` and writes the JSON artefact;
``predict`` loads that artefact (no scikit-learn, no pickle, nothing downloaded) and ranks the
types with a confidence and the words that drove each; ``evaluate`` scores the test split.
"""
