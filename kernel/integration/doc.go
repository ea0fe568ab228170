// Package integration tests the tunebook kernel with a real Jupyter client.
//
// The tests build the tunebook binary, install its kernelspec into a
// temporary prefix, and drive it with Debian's jupyter_client (through
// testdata/drive.py: every request type, interrupts, restart, shutdown)
// and with "jupyter nbconvert --execute". They skip when /usr/bin/python3
// lacks jupyter_client, nbclient or nbconvert, and fail instead when the
// environment variable CI is set.
package integration
