package e2e

import (
	"slices"
	"testing"
)

// TestParseConformance checks that the parser of the page's output finds failed, passed and
// skipped subtests and how the program ended.
func TestParseConformance(t *testing.T) {
	out := `=== RUN   TestBrowserConformance
    --- PASS: TestBrowserConformance/Unary/Exp([3]) (0.01s)
        --- FAIL: TestBrowserConformance/MatMul/MatMul([2_3]·[3_4]) (0.20s)
    --- SKIP: TestBrowserConformance/Pool (0.00s)
--- FAIL: TestBrowserConformance (0.30s)
FAIL
[console warning] exit code: 1

{"navigatorGPU":true,"browserVersion":"1.2","result":{"done":true,"code":1}}
`
	res, err := parseConformance(out)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.passed, []string{"TestBrowserConformance/Unary/Exp([3])"}) ||
		!slices.Equal(res.failed, []string{"TestBrowserConformance/MatMul/MatMul([2_3]·[3_4])", "TestBrowserConformance"}) ||
		!slices.Equal(res.skipped, []string{"TestBrowserConformance/Pool"}) {
		t.Errorf("passed %q, failed %q, skipped %q", res.passed, res.failed, res.skipped)
	}
	if !res.done || res.code != 1 || !res.navigatorGPU || res.browser != "1.2" {
		t.Errorf("done %v code %d navigator.gpu %v browser %q; want true 1 true 1.2", res.done, res.code, res.navigatorGPU, res.browser)
	}
	if _, err := parseConformance("=== RUN x\n"); err == nil {
		t.Error("output without the JSON line parsed without error")
	}
}
