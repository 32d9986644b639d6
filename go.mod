module github.com/ganplay/ganplay

go 1.26.0

require (
	golang.org/x/sys v0.38.0
	gonum.org/v1/gonum v0.17.0
)
