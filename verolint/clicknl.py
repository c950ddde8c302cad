"""click's own messages in Dutch ('Usage:', 'No such option', …), so that help
and errors speak one language with the rest of verolint.

click looks its messages up through the standard library's ``gettext``
(``gettext.gettext`` → ``dgettext``), with no catalogue of its own; this
module gives ``dgettext`` and ``dngettext`` a Dutch catalogue for click's
user-facing messages and passes everything else on unchanged. Installed by
:func:`verolint.cli.main` only, not on import.
"""

from __future__ import annotations

import gettext

CATALOGUE = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "No such option {name!r}.": "De optie {name!r} bestaat niet.",
    "No such command {name!r}.": "De opdracht {name!r} bestaat niet.",
    "Option {name!r} does not take a value.": "De optie {name!r} neemt geen waarde.",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Missing command.": "Geen opdracht gegeven.",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "Could not open file {filename!r}: {message}": "Kan het bestand {filename!r} niet openen: {message}",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} is geen geldige ja/nee-waarde. Mogelijk: {states}",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "Aborted!": "Afgebroken.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
}
PLURALS = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Onverwacht extra argument ({args})", "Onverwachte extra argumenten ({args})"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("De optie {name!r} vraagt een waarde.", "De optie {name!r} vraagt {nargs} waarden."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} is niet {choice}.", "{value!r} is niet een van {choices}."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Bedoelt u {possibility}?", "(Bedoelt u een van: {possibilities}?)"),
}

_installed = False


def install() -> None:
    """Route click's messages through the Dutch catalogue (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    original, original_n = gettext.dgettext, gettext.dngettext

    def dgettext(domain: str, message: str) -> str:
        return CATALOGUE.get(message) or original(domain, message)

    def dngettext(domain: str, singular: str, plural: str, n: int) -> str:
        pair = PLURALS.get((singular, plural))
        if pair is not None:
            return pair[0] if n == 1 else pair[1]
        return original_n(domain, singular, plural, n)

    gettext.dgettext, gettext.dngettext = dgettext, dngettext
