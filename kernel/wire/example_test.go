package wire_test

import (
	"fmt"

	"github.com/tunebook/tunebook/kernel/wire"
)

// The signature covers the four JSON frames exactly as they travel.
func ExampleSigner_Sign() {
	s, err := wire.NewSigner("hmac-sha256", "5f0c9d2e-7a41-4b8e-9c3d-1e2f3a4b5c6d")
	if err != nil {
		panic(err)
	}
	header := `{"msg_id":"d1f0a1b2-0001","session":"s-7788","username":"user",` +
		`"date":"2026-01-02T03:04:05.000000Z","msg_type":"execute_request","version":"5.3"}`
	content := `{"code":"1 + 1","silent":false,"store_history":true,` +
		`"user_expressions":{},"allow_stdin":true,"stop_on_error":true}`
	fmt.Println(s.Sign([]byte(header), []byte("{}"), []byte("{}"), []byte(content)))
	// Output: 5516780a6abcb804576cb6d7aef1f64fb8ab642f1a0fad7b70db3ee77553713d
}

// A decoded request yields a reply addressed to the same peer.
func ExampleDecode() {
	s, _ := wire.NewSigner("hmac-sha256", "key")
	req, _ := wire.NewMessage("kernel_info_request", "client", nil, struct{}{})
	req.Identities = [][]byte{[]byte("peer-1")}

	got, err := wire.Decode(req.Encode(s), s)
	if err != nil {
		panic(err)
	}
	reply, _ := wire.NewMessage("kernel_info_reply", "kernel", got, map[string]string{"status": "ok"})
	fmt.Println(got.Header.MsgType, string(reply.Identities[0]))
	// Output: kernel_info_request peer-1
}
