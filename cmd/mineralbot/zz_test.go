package main

import (
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

func TestZZCold(t *testing.T) {
	for range 3 {
		t0 := time.Now()
		kb, err := knowledge.Load(knowledge.Embedded())
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		ix, err := index.New(kb)
		if err != nil {
			t.Fatal(err)
		}
		t2 := time.Now()
		answer.New(kb, answer.FromIndex(ix))
		t3 := time.Now()
		t.Logf("load %s index %s engine %s", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2))
	}
}
