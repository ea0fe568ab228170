package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// residentMiB returns the current (VmRSS) and peak (VmHWM) resident memory
// of this process in MiB, read from /proc/self/status; zeros where that file
// does not exist (outside Linux).
func residentMiB() (current, peak float64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 2 {
			continue
		}
		kib, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			continue
		}
		switch fields[0] {
		case "VmRSS:":
			current = kib / 1024
		case "VmHWM:":
			peak = kib / 1024
		}
	}
	return current, peak
}
