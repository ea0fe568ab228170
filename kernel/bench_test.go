package kernel

import "testing"

// BenchmarkExecuteRoundTrip measures one trivial cell through the sockets:
// from sending execute_request until its execute_reply and idle status have
// arrived, with an engine that does no work.
func BenchmarkExecuteRoundTrip(b *testing.B) {
	_, c := startKernel(b, newFake(b))
	for b.Loop() {
		c.execute("value 2", nil)
	}
}
