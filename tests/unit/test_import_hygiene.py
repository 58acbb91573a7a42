import subprocess
import sys

CHECK = """
import sys
import scoring.scorecard, scoring.transcript
import simulator.conversation.engine, simulator.conversation.session, simulator.authoring.library, simulator.store.sessions
import simulator.cli.main
ui = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(",".join(ui))
"""


def test_domain_code_runs_without_the_user_interface():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
