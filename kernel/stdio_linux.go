package kernel

import "syscall"

// dupOnto makes newfd a copy of oldfd; Linux on arm64 has dup3 but no dup2.
func dupOnto(oldfd, newfd int) error {
	return syscall.Dup3(oldfd, newfd, 0)
}
