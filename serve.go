// Command ganplay (`go run .`) builds the browser build of ganplay when its sources
// changed and serves the playground in static/ on the loopback interface, with the image
// demos' assets under assets/.
//
// The handler is in handler.go and the build step in build.go, both unit tested.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/ganplay/ganplay/demos/assets"
)

func main() {
	addr := flag.String("addr", "127.0.0.1", "address to listen on (loopback by default)")
	port := flag.Int("port", 8080, "port to listen on; 0 picks any free port")
	flag.Parse()
	if err := run(*addr, *port); err != nil {
		fmt.Fprintln(os.Stderr, "ganplay:", err)
		os.Exit(1)
	}
}

func run(addr string, port int) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	// Listen before building, so that a busy port is reported at once.
	ln, err := net.Listen("tcp", net.JoinHostPort(addr, strconv.Itoa(port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("port %d is in use; try -port %d or -port 0", port, port+1)
		}
		return err
	}
	defer ln.Close()
	static := filepath.Join(root, "static")
	if err := prepareStatic(root, static, os.Stdout); err != nil {
		return err
	}
	fmt.Printf("ganplay: serving http://%s/\n", ln.Addr())

	// The image demos' data and weights are served from where they live in the checkout,
	// under the names that `make dist` copies them to (package demos/assets).
	files := assets.Overlay(os.DirFS(static), assets.Layout(root))
	srv := &http.Server{Handler: newHandler(files), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
