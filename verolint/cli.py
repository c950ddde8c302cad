"""Command line: ``verolint check``, ``audit``, ``tree``, ``rules``, ``explain``, ``config``, ``statutes``.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage, configuration or input errors, or a crashed rule (the other files and
rules are still checked); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import errno
import glob
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import VerolintError

SEVERITIES = ["info", "warning", "error"]


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"verolint: fout: {message}", err=True)
    return click.exceptions.Exit(2)


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    out = tuple(s.strip() for v in values for s in v.split(",") if s.strip())
    return out or None


class _Command(click.Command):
    """A command whose usage line is Dutch: 'Gebruik: verolint check [OPTIES] [PADEN]...'."""

    def __init__(self, *args, **kw):
        kw.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kw)


class _Group(click.Group):
    command_class = _Command

    def __init__(self, *args, **kw):
        kw.setdefault("options_metavar", "[OPTIES]")
        kw.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kw)


_Group.group_class = _Group


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="verolint")
def cli() -> None:
    """verolint controleert gemeentelijke verordeningen op wetsduplicatie,
    taalniveau, starre uitsluitingen, vage ruimte en juridische consistentie."""


# -- check ------------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, type=str, metavar="[PADEN]...")
@click.option("-f", "--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "concise", "json", "sarif", "github", "gitlab", "junit", "html"]),
              help="Uitvoerformaat.")
@click.option("-o", "--output-file", metavar="BESTAND", type=click.Path(dir_okay=False, writable=True),
              help="Schrijf het rapport naar dit bestand (de exitcode verandert niet).")
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Toon alleen bevindingen vanaf deze ernst.")
@click.option("--fail-on", type=click.Choice(SEVERITIES + ["never"]),
              help="Exitcode 1 bij bevindingen vanaf deze ernst (standaard: warning).")
@click.option("--exit-zero", is_flag=True, help="Altijd exitcode 0, behalve bij fouten in invoer of configuratie.")
@click.option("--select", multiple=True, metavar="REGELS", help="Alleen deze regels, voorvoegsels of categorieën (komma's mogen).")
@click.option("--extend-select", multiple=True, metavar="REGELS", help="Voeg regels toe aan de selectie uit de configuratie.")
@click.option("--ignore", multiple=True, metavar="REGELS", help="Sla deze regels, voorvoegsels of categorieën over.")
@click.option("--profile", type=click.Choice(["auto", "classic", "omgekeerd"]), help="Profiel (standaard: auto).")
@click.option("--config", "config_path", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gebruik dit configuratiebestand in plaats van het dichtstbijzijnde.")
@click.option("--isolated", is_flag=True, help="Negeer alle configuratiebestanden.")
@click.option("--statistics", is_flag=True, help="Toon na de bevindingen het aantal per regel.")
@click.option("--stdin-filename", metavar="NAAM", help="Bestandsnaam voor tekst van standaardinvoer ('-').")
@click.option("--force-exclude", is_flag=True, help="Pas 'exclude' ook toe op expliciet genoemde bestanden (pre-commit).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--no-cache", is_flag=True, help="Gebruik en schrijf de woordcache en de gecompileerde patronen niet (zie README, Performance).")
@click.option("--statutes", "statutes", multiple=True, metavar="MAP_OF_BESTAND", type=click.Path(exists=True, path_type=Path),
              help="Map of bestand met wetten voor DUP001/DUP002 (bovenop 'statutes' uit de configuratie).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="AANTAL", help="Aantal processen (standaard: alle kernen).")
@click.option("--baseline", "baseline_path", metavar="BESTAND", type=click.Path(dir_okay=False, path_type=Path),
              help="Meld alleen bevindingen die niet in deze baseline staan; bestaat het bestand niet, dan wordt het geschreven.")
@click.option("--update-baseline", is_flag=True, help="Schrijf de baseline opnieuw met de huidige bevindingen.")
@click.option("--skip-non-ordinances", is_flag=True,
              help="Sla bestanden zonder artikelen en XML van een ander soort over, met een melding (voor pre-commit).")
@click.option("--no-group", is_flag=True,
              help="Meld elke plaats apart, ook waar dezelfde bevinding steeds terugkomt (standaard: één bevinding die de plaatsen noemt).")
@click.option("--fix", is_flag=True, help="Pas veilige vervangingen toe (alleen regels die ze als veilig markeren).")
@click.option("--diff", is_flag=True, help="Toon wat --fix zou veranderen, zonder te schrijven (exitcode 1 bij wijzigingen).")
def check(paths, fmt, output_file, min_severity, fail_on, exit_zero, select, extend_select, ignore,
          profile, config_path, isolated, statistics, stdin_filename, force_exclude, color, no_cache,
          statutes, jobs, baseline_path, update_baseline, skip_non_ordinances, no_group, fix, diff) -> None:
    """Controleer verordeningen: bestanden, mappen, globpatronen, '-' (standaardinvoer) of gepubliceerde regelingen (CVDR690468, CVDR690468/1)."""
    if no_cache:
        os.environ["VEROLINT_NO_CACHE"] = "1"
    from .engine import Linter
    from .model import Severity

    given = {
        "select": _split(select),
        "extend_select": _split(extend_select),
        "ignore": _split(ignore),
        "profile": profile,
        "min_severity": Severity.parse(min_severity) if min_severity else None,
    }
    overrides = {k: v for k, v in given.items() if v is not None}
    if fail_on:  # None stands for "never"
        overrides["fail_on"] = None if fail_on == "never" else Severity.parse(fail_on)
    linter = Linter(overrides, config_path, isolated)
    if statutes:
        linter.extra_statutes = tuple(p.resolve() for p in statutes)
    if not paths:
        paths = (".",)
    from . import baseline as baseline_mod
    from .readers import supported_suffixes
    from .model import group_repeats
    from .registry import builtin_registry
    from .runner import RunOptions, default_jobs, run, show_progress

    options = RunOptions(
        jobs=jobs or default_jobs(), fix=fix, diff=diff, views=(fmt == "html"),
        progress=show_progress(output_file is not None), stdin_name=stdin_filename,
        group=not no_group and baseline_path is None,  # a baseline counts every place; grouped after
        skip_non_ordinances=skip_non_ordinances,
    )
    try:
        targets = list(_collect(linter, paths, stdin_filename, force_exclude, supported_suffixes()))
        _refuse_overwriting_inputs(targets, {"-o/--output-file": output_file, "--baseline": baseline_path})
        run_result, diffs, fixed = run(linter, targets, options, builtin_registry())
        resolved = None
        if baseline_path is not None:
            all_findings = [f for r in run_result.files for f in r.findings + r.hidden]
            if update_baseline or not baseline_path.exists():
                n = baseline_mod.write(baseline_path, all_findings)
                click.echo(f"verolint: baseline {baseline_path} geschreven met {n} bevindingen", err=True)
            known = baseline_mod.load(baseline_path)
            new, resolved = baseline_mod.filter_new(all_findings, known)
            keep = {id(f) for f in new}
            for r in run_result.files:
                r.keep(lambda f: id(f) in keep)
                if not no_group:
                    r.findings = group_repeats(r.findings)
    except VerolintError as exc:
        raise _fail(str(exc)) from None
    for r in run_result.files:
        if r.skipped:
            click.echo(f"verolint: {r.path} overgeslagen ({r.skipped})", err=True)

    stream_is_file = output_file is not None
    use_color = color == "always" or (
        color == "auto" and not stream_is_file and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    from .reporters import get_reporter

    reporter_cls = get_reporter(fmt)
    try:
        if diff:
            sys.stdout.write("".join(diffs))
        elif output_file:
            with open(Path(output_file), "w", encoding="utf-8") as fh:
                reporter_cls(fh, color=False, statistics=statistics).report(run_result)
        else:
            reporter_cls(sys.stdout, color=use_color, statistics=statistics).report(run_result)
        sys.stdout.flush()
        if fixed:
            click.echo(f"verolint: {fixed} {'vervanging' if fixed == 1 else 'vervangingen'} toegepast", err=True)
        if resolved:
            click.echo(f"verolint: {resolved} bevindingen uit de baseline komen niet meer voor; "
                       "werk hem bij met --update-baseline", err=True)
        if run_result.hidden and fmt in ("text",) and not output_file:
            click.echo(f"({run_result.hidden} bevindingen onder --min-severity niet getoond)", err=True)
    except BrokenPipeError:
        _quiet_pipe()
    if diff:
        raise click.exceptions.Exit(2 if run_result.errors or run_result.crashed else (1 if diffs else 0))
    # like ruff: 2 when a file could not be read or a rule crashed, even with --exit-zero
    code = 2 if run_result.errors or run_result.crashed else (1 if run_result.failed and not exit_zero else 0)
    raise click.exceptions.Exit(code)


def _refuse_overwriting_inputs(targets, outputs: dict) -> None:
    """A report or baseline written over one of the files being checked would
    destroy the ordinance: refuse before anything runs."""
    inputs = [t[0] for t in targets if t[0] is not None]
    for option, out in outputs.items():
        if out is None or not Path(out).exists():
            continue
        for path in inputs:
            try:
                same = os.path.samefile(out, path)
            except OSError:
                same = False
            if same:
                raise _fail(f"{option} {out} is een van de bestanden die worden gecontroleerd; "
                            "kies een ander bestand voor het rapport")


def _quiet_pipe() -> None:
    """The reader of our output went away (``| head``): stop without a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def _display(path: Path) -> str:
    """The name shown in reports: relative to the working folder, and always
    valid text (a file name that is not UTF-8 shows its odd bytes as \\xNN)."""
    try:
        name = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        name = str(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _collect(linter, paths, stdin_filename, force_exclude, suffixes):
    """Yield (path, display name, error) for every file to check, sorted per argument."""
    seen: set[Path] = set()
    for raw in paths:
        if raw == "-":
            yield None, stdin_filename or "-", None
            continue
        p = Path(raw)
        if p.is_dir():
            settings = linter.settings_for(p / "_")
            found = []
            unreadable: list[OSError] = []
            for dirpath, dirnames, filenames in os.walk(p, onerror=unreadable.append):
                d = Path(dirpath)
                dirnames[:] = sorted(n for n in dirnames if not settings.is_excluded(d / n))
                for name in filenames:
                    f = d / name
                    if f.suffix.lower() in suffixes and not settings.is_excluded(f):
                        found.append(f)
            for f in sorted(found):
                if f.resolve() not in seen:
                    seen.add(f.resolve())
                    yield f, _display(f), None
            for exc in unreadable:  # a folder that cannot be read is an input error, not a clean pass
                folder = Path(exc.filename or p)
                yield None, _display(folder), f"kan map niet lezen: {exc.strerror or exc}"
        elif p.is_file():
            if force_exclude and linter.settings_for(p).is_excluded(p):
                continue
            if p.resolve() not in seen:
                seen.add(p.resolve())
                yield p, _display(p), None
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            files = [m for m in matches if m.is_file() and m.suffix.lower() in suffixes]
            if not files:
                yield None, raw, "het patroon past op geen enkel bestand dat verolint kan lezen"
            for f in files:
                if f.resolve() not in seen and not (force_exclude and linter.settings_for(f).is_excluded(f)):
                    seen.add(f.resolve())
                    yield f, _display(f), None
        elif (ref := _cvdr_ref(raw)) is not None:
            yield _fetch_cvdr(ref, raw)
        else:
            yield None, raw, "bestand of map bestaat niet"


def _cvdr_ref(raw: str):
    from .cvdr import parse_ref

    return parse_ref(raw)


def _fetch_cvdr(ref, raw: str):
    """A published regulation named by id or address: fetched (or taken from
    the cache) and checked as its XML file, under its CVDR id."""
    from .cvdr.store import open_ref

    try:
        path, note = open_ref(ref)
    except VerolintError as exc:
        return None, raw, exc.message
    click.echo(f"verolint: {note}", err=True)
    return path, path.name, None


# -- tree ----------------------------------------------------------------------------

@cli.command()
@click.argument("file", type=str, metavar="BESTAND")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Toon per regel hoe die is gelezen (kop, lid, onderdeel, tekst, ...).")
def tree(file: str, fmt: str, explain: bool) -> None:
    """Toon de artikelboom van een document (hoofdstuk > artikel > lid > onderdeel).

    Met --explain staat per regel hoe verolint die heeft gelezen (kop, lid,
    onderdeel, inhoudsopgave, tekst van ...), en waarom twijfel is gemeld."""
    from .readers import read_path, read_stdin

    try:
        if file == "-":
            doc = read_stdin("-")
        else:
            if not Path(file).is_file():
                raise _fail(f"{file}: bestand bestaat niet")
            doc = read_path(Path(file), file)
    except VerolintError as exc:
        raise _fail(str(exc)) from None
    from .treeview import explain_text, tree_json, tree_text, with_layout_notes

    if explain:
        doc = with_layout_notes(doc)
    try:
        if fmt == "json":
            import json

            click.echo(json.dumps(tree_json(doc), ensure_ascii=False, indent=2))
        else:
            click.echo(explain_text(doc) if explain else tree_text(doc), nl=False)
    except BrokenPipeError:
        _quiet_pipe()


# -- rules / explain --------------------------------------------------------------------

@cli.command("rules")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="markdown: de volledige documentatie van alle regels (zo is docs/rules.md gemaakt).")
@click.option("--config", "config_path", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Neem ook de regelpakketten uit deze configuratie mee.")
def rules_cmd(fmt: str, config_path: Path | None) -> None:
    """Toon alle regels met code, categorie, ernst en korte beschrijving."""
    registry = _registry(config_path)
    rules = registry.sorted()
    if fmt == "json":
        import json

        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "category": str(r.category), "severity": str(r.severity),
             "summary": r.doc.summary.split("\n")[0], "fixable": r.fixable, "source": r.source}
            for r in rules
        ], ensure_ascii=False, indent=2))
        return
    if fmt == "markdown":
        from .reporters.sarif import rules_markdown

        click.echo(rules_markdown(rules), nl=False)
        return
    for r in rules:
        click.echo(f"{r.code}  {str(r.category):22s} {str(r.severity):8s} {r.name}: {r.doc.summary.splitlines()[0]}")


@cli.command()
@click.argument("code", metavar="CODE")
@click.option("--config", "config_path", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def explain(code: str, config_path: Path | None) -> None:
    """Leg uit wat regel CODE controleert, waarom, met voorbeelden en opties."""
    registry = _registry(config_path)
    rule = registry.get(code)
    if rule is None:
        close = [c for c in registry.rules if c.startswith(code.upper()[:3])]
        hint = f" Bedoelt u {', '.join(close[:5])}?" if close else " 'verolint rules' toont alle regels."
        raise _fail(f"regel '{code}' bestaat niet.{hint}")
    header = f"{rule.code} ({rule.name}) · {rule.category} · standaard {rule.severity}"
    if rule.fixable:
        header += " · te verbeteren met --fix"
    click.echo(header)
    click.echo("=" * len(header))
    click.echo(rule.doc.render())
    if rule.options:
        click.echo("Standaardopties: " + ", ".join(f"{k}={v!r}" for k, v in rule.options.items()))
    click.echo(f"Bron: {rule.source}")


def _registry(config_path: Path | None):
    from .config import load_file
    from .registry import builtin_registry, registry_for_settings

    try:
        if config_path:
            return registry_for_settings(load_file(config_path))
        return builtin_registry()
    except VerolintError as exc:
        raise _fail(str(exc)) from None


# -- config ----------------------------------------------------------------------------

@cli.command("config")
@click.argument("file", required=False, type=click.Path(path_type=Path), metavar="[BESTAND]")
def config_cmd(file: Path | None) -> None:
    """Toon welke configuratie voor FILE (of de huidige map) geldt."""
    from .config import find_config, load_file
    from .selection import validate_settings
    from .registry import registry_for_settings

    target = (file or Path("_")).resolve()
    found = find_config(target.parent)
    try:
        settings = load_file(found) if found else None
        if settings:
            validate_settings(settings, registry_for_settings(settings))
    except VerolintError as exc:
        raise _fail(str(exc)) from None
    if settings is None:
        from .config import Settings

        settings = Settings()
    click.echo(f"configuratie: {found or '(geen; standaardinstellingen)'}")
    for name in ("profile", "select", "extend_select", "ignore", "severity", "fail_on", "min_severity",
                 "per_file_ignores", "rule_options", "rule_packs", "plugins", "exclude", "extend_exclude", "statutes"):
        value = getattr(settings, name)
        if isinstance(value, tuple):
            value = list(map(str, value))
        elif isinstance(value, dict):
            value = {k: (str(v) if not isinstance(v, (dict, tuple, list)) else v) for k, v in value.items()}
        click.echo(f"  {name.replace('_', '-')}: {value}")


# -- statutes --------------------------------------------------------------------------

@cli.group()
def statutes() -> None:
    """Wetten voor de controle op herhaling (DUP001/DUP002): tonen, ophalen, indexeren."""


@statutes.command("list")
@click.option("--statutes", "extra", multiple=True, metavar="MAP_OF_BESTAND", type=click.Path(exists=True, path_type=Path),
              help="Extra map of bestand met wetten.")
def statutes_list(extra) -> None:
    """Toon welke wetten beschikbaar zijn, met versie en leeftijd."""
    import datetime as dt

    from .config import find_config, load_file
    from .readers import read_path
    from .statutes import builtin, identify, newest_files, pulled_dir, sources

    found = find_config(Path.cwd())
    configured = list(load_file(found).statutes) if found else []
    files = newest_files(sources(configured + list(extra)))
    shipped = builtin.load()
    if not files and shipped is None:
        click.echo("Geen wetten gevonden. Stel 'statutes: [map]' in, gebruik --statutes MAP, of haal een wet op met "
                   "'verolint statutes pull BWBR0035362'.")
        return
    today = dt.date.today()
    own: set[str] = set()
    for f in files:
        try:
            st = identify(f, read_path(f))
        except VerolintError as exc:
            click.echo(f"  (onleesbaar) {exc}")
            continue
        own.add(st.bwb_id or "")
        fetched = dt.date.fromtimestamp(f.stat().st_mtime)
        age = (today - fetched).days
        where = "cache" if pulled_dir() in f.parents else "map"
        version = st.version or "versie onbekend"
        click.echo(f"{st.bwb_id or '-':12s} {st.title[:60]:60s} {version:12s} {where:5s} {age} dagen oud  {f}")
    for st in shipped.statutes if shipped is not None else ():
        if st.bwb_id in own:
            continue  # the user's version replaces the built-in one
        click.echo(f"{st.bwb_id or '-':12s} {st.title[:60]:60s} {st.version or 'versie onbekend':12s} ingebouwd (wetten.overheid.nl)")


@statutes.command("pull")
@click.argument("bwb_ids", nargs=-1, required=True, metavar="BWB-ID...")
@click.option("--date", help="Toestand die op deze datum gold (JJJJ-MM-DD); standaard de nieuwste.")
def statutes_pull(bwb_ids, date) -> None:
    """Haal de officiële XML van een wet op (zoekdienst en repository van het basiswettenbestand)."""
    from .statutes import pulled_dir
    from .statutes.download import pull

    failed = False
    for bwb in bwb_ids:
        try:
            target, toestand = pull(bwb, date, pulled_dir())
            click.echo(f"{bwb}: {toestand.title or ''} (geldig vanaf {toestand.start}) opgeslagen in {target}")
        except VerolintError as exc:
            click.echo(f"verolint: fout: {exc}", err=True)
            failed = True
    raise click.exceptions.Exit(2 if failed else 0)


@statutes.command("index")
@click.option("--statutes", "extra", multiple=True, metavar="MAP_OF_BESTAND", type=click.Path(exists=True, path_type=Path))
def statutes_index(extra) -> None:
    """Bouw (of laad) de index over alle wetten en toon de omvang."""
    import time

    from .config import find_config, load_file
    from .statutes import load_index

    found = find_config(Path.cwd())
    configured = list(load_file(found).statutes) if found else []
    t = time.perf_counter()
    idx = load_index(configured + list(extra))
    if idx is None:
        raise _fail("geen wetten gevonden om te indexeren")
    click.echo(f"{len(idx.statutes)} wetten, {idx.unit_count()} zinnen, {idx.fingerprint_count()} vingerafdrukken "
               f"in {time.perf_counter() - t:.2f} s ({idx.folder})")


# -- audit -----------------------------------------------------------------------------

@cli.command()
@click.option("--query", "query", metavar="CQL", help="Zoekvraag in CQL voor de CVDR-zoekdienst, bijvoorbeeld "
              "'overheidrg.body=\"mantelzorg\"'.")
@click.option("--gemeente", "gemeenten", multiple=True, metavar="NAAM",
              help="Alleen regelingen van deze gemeente (de naam zoals CVDR hem schrijft; herhaalbaar).")
@click.option("--geldig-op", metavar="DATUM", help="Alleen regelingen die op deze datum golden (JJJJ-MM-DD).")
@click.option("-o", "--out", "out", default="verolint-audit", show_default=True, metavar="MAP",
              type=click.Path(file_okay=False, path_type=Path), help="Map voor de resultaten (en om te hervatten).")
@click.option("--findings", "findings_format", type=click.Choice(["jsonl", "parquet"]), default="jsonl",
              show_default=True, help="Formaat van het bestand met alle bevindingen.")
@click.option("--rate", type=click.FloatRange(min=0), default=1.0, show_default=True, metavar="PER_SECONDE",
              help="Verzoeken per seconde per server (0: niet wachten).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, metavar="AANTAL",
              help="Aantal processen (of Dask-workers met --dask).")
@click.option("--dask", "use_dask", is_flag=True, help="Verdeel het werk over een Dask-cluster op deze machine.")
@click.option("--scheduler", metavar="ADRES", help="Gebruik een bestaand Dask-cluster (bijv. tcp://10.0.0.5:8786).")
@click.option("--limit", type=click.IntRange(min=1), metavar="AANTAL", help="Controleer hoogstens zoveel regelingen in deze run.")
@click.option("--select", multiple=True, metavar="REGELS", help="Alleen deze regels, voorvoegsels of categorieën.")
@click.option("--ignore", multiple=True, metavar="REGELS", help="Sla deze regels, voorvoegsels of categorieën over.")
@click.option("--config", "config_path", metavar="BESTAND", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Configuratiebestand (standaard: gezocht vanaf de huidige map).")
def audit(query, gemeenten, geldig_op, out, findings_format, rate, jobs, use_dask, scheduler, limit, select, ignore,
          config_path) -> None:
    """Controleer gepubliceerde regelingen uit CVDR: zoeken, ophalen, controleren, samenvatten. Hervatbaar."""
    from .audit import Audit, Plan, build_query, outputs
    from .config import find_config

    given = {"select": _split(select), "ignore": _split(ignore)}
    overrides = tuple(sorted((k, v) for k, v in given.items() if v is not None))
    config = config_path or find_config(Path.cwd())
    plan = Plan(jobs=jobs, dask=use_dask, scheduler=scheduler, rate=rate, limit=limit,
                settings=(overrides, str(config.resolve()) if config else None))
    try:
        cql = build_query(query, gemeenten, geldig_op)
        run = Audit(out, cql)
        resumed = run.prepare()
        from .audit.task import linter_for

        linter = linter_for(plan.settings)
        linter.registry_for(linter.settings_for(None))  # a configuration error ends the audit before any fetch
        records = run.inventory(on_page=lambda done, total: _say(f"verolint: inventaris {done} van {total}"))
        before = len(run.stored() & {r.record_id for r in records})
        if resumed:
            click.echo(f"verolint: audit in {out} hervat; {before} van {len(records)} regelingen al gedaan", err=True)
        bar = _bar(len(records) - before if limit is None else min(limit, len(records) - before))
        try:
            progress = run.run(records, plan, on_result=lambda r: bar.update(1))
        except KeyboardInterrupt:
            bar.close()
            _say(f"verolint: {len(run.stored())} van {len(records)} regelingen bewaard in {out}; "
                 "start hetzelfde commando opnieuw om verder te gaan")
            raise
        bar.close()
        results = run.load(records)
        missing = len(records) - len(results)
        paths = outputs.write_all(results, out, cql, findings_format, missing)
    except VerolintError as exc:
        raise _fail(str(exc)) from None
    retry = progress.statuses.get("opnieuw", 0)
    click.echo(f"verolint: {len(results)} van {len(records)} regelingen in de resultaten; "
               f"geschreven: {', '.join(p.name for p in paths)} in {out}", err=True)
    if missing:
        why = f"{retry} niet opgehaald (netwerk)" if retry else "nog niet gedaan"
        click.echo(f"verolint: {missing} regelingen ontbreken ({why}); start hetzelfde commando opnieuw om verder "
                   "te gaan", err=True)
    raise click.exceptions.Exit(2 if retry else 0)


def _bar(total: int):
    """A progress bar on stderr with counts and the time left (only on a terminal)."""
    from tqdm import tqdm

    return tqdm(total=total, unit="regeling", desc="verolint", file=sys.stderr, dynamic_ncols=True,
                disable=None if not os.environ.get("CI") else True)


def main() -> None:
    """The console entry point. Exit codes as ruff's: 0 clean, 1 findings, 2 usage,
    configuration, input or internal error, 130 interrupted (Ctrl-C)."""
    from .clicknl import install

    install()  # click's own messages in Dutch
    if sys.stdout is None:  # started with standard output closed (>&-)
        sys.stdout = _ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    try:
        code = cli.main(prog_name="verolint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.exceptions.Abort:  # click's form of Ctrl-C
        _say("verolint: onderbroken")
        code = 130
    except KeyboardInterrupt:
        _say("verolint: onderbroken")
        code = 130
    except click.ClickException as exc:  # usage errors
        exc.show()
        code = exc.exit_code
    except BrokenPipeError:  # pragma: no cover - closed pipe outside a reporter
        _quiet_pipe()
        code = 1
    except OSError as exc:  # the output could not be written (disk full, closed stream)
        _say(f"verolint: fout: kan de uitvoer niet schrijven: {exc.strerror or exc}")
        code = 2
    sys.exit(code if isinstance(code, int) else 0)


class _ClosedStream:
    """Standard output that was closed before verolint started: writing the
    report fails with a clear error (exit 2) instead of a traceback."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standaarduitvoer is gesloten")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standaarduitvoer is gesloten")


def _say(message: str) -> None:
    """A message on stderr, also when stderr is closed."""
    try:
        click.echo(message, err=True)
    except (OSError, ValueError, AttributeError):
        pass
