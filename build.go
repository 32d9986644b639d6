package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const modulePath = "github.com/ganplay/ganplay"

// moduleRoot finds the ganplay module root: the working directory or one of its parents
// whose go.mod declares modulePath.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
			first, _, _ := strings.Cut(string(b), "\n")
			if f := strings.Fields(first); len(f) == 2 && f[0] == "module" && f[1] == modulePath {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the ganplay repository (no go.mod of " + modulePath + " here or above); run it from the repository")
		}
		dir = parent
	}
}

// prepareStatic makes static/ ready to serve: it rebuilds static/ganplay.wasm when a
// source changed and copies wasm_exec.js from the Go root when it is missing or outdated.
func prepareStatic(root, static string, log io.Writer) error {
	wasm := filepath.Join(static, "ganplay.wasm")
	stale, why, err := needsBuild(root, wasm)
	if err != nil {
		return err
	}
	if stale {
		fmt.Fprintf(log, "ganplay: building static/ganplay.wasm (%s) ...\n", why)
		start := time.Now()
		if err := buildWasm(root, wasm); err != nil {
			return err
		}
		fi, err := os.Stat(wasm)
		if err != nil {
			return err
		}
		fmt.Fprintf(log, "ganplay: built static/ganplay.wasm (%.1f MB) in %s\n",
			float64(fi.Size())/1e6, time.Since(start).Round(100*time.Millisecond))
	}
	src, err := wasmExecSource()
	if err != nil {
		return err
	}
	copied, err := copyIfChanged(src, filepath.Join(static, "wasm_exec.js"))
	if err != nil {
		return err
	}
	if copied {
		fmt.Fprintf(log, "ganplay: copied %s to static/\n", src)
	}
	return nil
}

// needsBuild reports whether wasm is missing or older than any .go, .wgsl, go.mod or
// go.sum file of the module, and why. Like the go command, it skips directories whose
// names start with "." or "_", testdata, node_modules, and the output folders.
func needsBuild(root, wasm string) (bool, string, error) {
	fi, err := os.Stat(wasm)
	if errors.Is(err, fs.ErrNotExist) {
		return true, "static/ganplay.wasm is missing", nil
	}
	if err != nil {
		return false, "", err
	}
	built := fi.ModTime()
	var newer string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				name == "testdata" || name == "node_modules" || isGenerated(root, path)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !isBuildInput(name) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.ModTime().After(built) {
			newer, _ = filepath.Rel(root, path)
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil {
		return false, "", err
	}
	if newer != "" {
		return true, filepath.ToSlash(newer) + " changed", nil
	}
	return false, "", nil
}

func isBuildInput(name string) bool {
	return strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".wgsl") ||
		name == "go.mod" || name == "go.sum"
}

// buildWasm runs GOOS=js GOARCH=wasm go build -o wasm ./wasm in root. On failure the
// error carries the compiler's output.
func buildWasm(root, wasm string) error {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return errors.New("the go command is needed to build the wasm and is not on PATH")
	}
	if err := os.MkdirAll(filepath.Dir(wasm), 0o755); err != nil {
		return err
	}
	tmp := wasm + ".tmp"
	cmd := exec.Command(goCmd, "build", "-o", tmp, "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("building the wasm failed (GOOS=js GOARCH=wasm go build ./wasm): %v\n%s", err, out)
	}
	return os.Rename(tmp, wasm)
}

// wasmExecSource returns the wasm_exec.js of the Go toolchain on PATH.
func wasmExecSource() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(out))
	for _, rel := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		p := filepath.Join(goroot, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("wasm_exec.js not found under GOROOT %s", goroot)
}

// copyIfChanged copies src to dst unless dst already has the same content.
func copyIfChanged(src, dst string) (bool, error) {
	want, err := os.ReadFile(src)
	if err != nil {
		return false, err
	}
	if have, err := os.ReadFile(dst); err == nil && bytes.Equal(have, want) {
		return false, nil
	}
	return true, os.WriteFile(dst, want, 0o644)
}

// isGenerated reports whether dir is one of the top-level output folders (static/, dist/),
// which hold no sources; a package such as models/dist with the same name is a source.
func isGenerated(root, dir string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && (rel == "static" || rel == "dist")
}
