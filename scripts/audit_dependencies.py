"""Run pip-audit and summarise: fail on any known vulnerability; say how many packages could
not be checked (on a network without PyPI's vulnerability data, all of them)."""

import json
import subprocess
import sys


def main() -> int:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--progress-spinner",
            "off",
            "--skip-editable",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stdout, result.stderr)
        return 1
    deps = report.get("dependencies", [])
    skipped = [d for d in deps if d.get("skip_reason")]
    vulnerable = [d for d in deps if d.get("vulns")]
    for dep in vulnerable:
        ids = ", ".join(v["id"] for v in dep["vulns"])
        print(f"VULNERABLE {dep['name']} {dep['version']}: {ids}")
    print(
        f"pip-audit: {len(deps) - len(skipped)} packages checked, {len(vulnerable)} with "
        f"known vulnerabilities, {len(skipped)} could not be checked (no vulnerability data "
        "reachable for them; see docs/SECURITY.md)."
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
