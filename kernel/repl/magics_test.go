package repl

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestMagics(t *testing.T) {
	t.Setenv("TUNEBOOK_MAGIC_TEST", "")
	runSteps(t, []step{
		{code: "%env TUNEBOOK_MAGIC_TEST=on", stdout: "env: TUNEBOOK_MAGIC_TEST=on\n"},
		{code: "%env TUNEBOOK_MAGIC_TEST", stdout: "on\n"},
		{code: "import \"os\"\nos.Getenv(\"TUNEBOOK_MAGIC_TEST\")", result: "on"},
		{code: "!echo $TUNEBOOK_MAGIC_TEST\n!echo err >&2", stdout: "on\n", stderr: "err\n"},
		{code: "!exit 3\n1", errName: errShell, errHas: "exit status 3"},
		{code: "%env NO_SUCH_TUNEBOOK_VAR_X", errName: errMagic, errHas: "not set"},
		{code: "%nosuchmagic", errName: errMagic, errHas: "unknown magic %nosuchmagic"},
		{code: "// a comment first\n%env TUNEBOOK_MAGIC_TEST=two\nx := 1 +\n\tundefinedY", errName: errCompile, errHas: "4:2: undefined: undefinedY", stdout: "env: TUNEBOOK_MAGIC_TEST=two\n"},
	})
}

func TestMagicHelpEnvListAndTime(t *testing.T) {
	ts := newTestSession(t)
	got := ts.exec(t, "%help")
	if got.err != nil || !strings.Contains(got.stdout, "%time") || !strings.Contains(got.stdout, "!command") {
		t.Errorf("%%help: stdout %q, error %v", got.stdout, got.err)
	}
	t.Setenv("TUNEBOOK_LISTED", "yes")
	got = ts.exec(t, "%env")
	if !strings.Contains(got.stdout, "TUNEBOOK_LISTED=yes\n") {
		t.Errorf("%%env list does not show TUNEBOOK_LISTED: %q", got.stdout)
	}
	got = ts.exec(t, "%time\nimport \"time\"\ntime.Sleep(20 * time.Millisecond)\n5")
	text, _ := got.text()
	if got.err != nil || text != "5" || !regexp.MustCompile(`^wall time: \d+(\.\d+)?ms\n$`).MatchString(got.stdout) {
		t.Errorf("%%time: result %q, stdout %q, error %v", text, got.stdout, got.err)
	}
}

func TestMagicReset(t *testing.T) {
	ts := newTestSession(t)
	_, err := ts.Execute(context.Background(), "%reset")
	if !errors.Is(err, ErrReset) {
		t.Errorf("%%reset: err = %v, want ErrReset", err)
	}
}

func TestShellInterrupt(t *testing.T) {
	ts := newTestSession(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := ts.Execute(ctx, "!sleep 10")
	var ce *CellError
	if !errors.As(err, &ce) || ce.Name != errInterrupted || time.Since(start) > 5*time.Second {
		t.Errorf("interrupted !sleep: err = %v after %v, want Interrupted within 5s", err, time.Since(start))
	}
}
