"""JUnit XML for CI systems that show test reports (Jenkins, Azure, GitLab's
test report): one test suite per file, one failed test case per finding, one
passing case for a clean file, an error case for a file that was not read."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..model import Severity
from . import Reporter

_TYPE = {Severity.ERROR: "fout", Severity.WARNING: "waarschuwing", Severity.INFO: "opmerking"}


def as_xml(run) -> ET.Element:
    suites = ET.Element("testsuites", name="verolint")
    total = failures = errors = 0
    for result in run.files:
        cases = max(1, len(result.findings))
        suite = ET.SubElement(suites, "testsuite", name=result.path, tests=str(cases),
                              failures=str(len(result.findings)), errors="1" if result.error else "0")
        total += cases
        failures += len(result.findings)
        if result.error:
            errors += 1
            case = ET.SubElement(suite, "testcase", classname=result.path, name="lezen")
            ET.SubElement(case, "error", message=result.error, type="leesfout")
            continue
        if result.skipped:
            suite.set("skipped", "1")
            case = ET.SubElement(suite, "testcase", classname=result.path, name="verolint")
            ET.SubElement(case, "skipped", message=f"overgeslagen: {result.skipped}")
            continue
        if not result.findings:
            ET.SubElement(suite, "testcase", classname=result.path, name="verolint")
        for f in result.findings:
            case = ET.SubElement(suite, "testcase", classname=result.path,
                                 name=f"{f.code} regel {f.line}:{f.column}" + (f" [{f.path}]" if f.path else ""))
            failure = ET.SubElement(case, "failure", message=f.message + f.places_text, type=_TYPE[f.severity])
            failure.text = f"{f.file}:{f.line}:{f.column}: {f.code} {f.message}{f.places_text}" + (
                f"\nSuggestie: {f.suggestion}" if f.suggestion else "")
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    return suites


class JunitReporter(Reporter):
    name = "junit"

    def report(self, run) -> None:
        tree = as_xml(run)
        ET.indent(tree)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(tree, encoding="unicode"))
        self.stream.write("\n")
