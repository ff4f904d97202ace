package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/internal/metrics"
	"github.com/mineralbot/mineralbot/knowledge"
)

// reloader loads the knowledge base again and swaps it in, index first, while answers run.
// A knowledge base with problems is reported and the previous one keeps serving.
type reloader struct {
	dir    string // empty: the embedded knowledge base
	ix     *index.Index
	eng    *answer.Engine
	m      *metrics.Metrics
	log    *slog.Logger
	notify func(ctx context.Context, text string) // tells the admins; may be nil

	mu sync.Mutex // one reload at a time
}

// Reload loads, validates and swaps in the knowledge base, and returns its summary.
func (r *reloader) Reload(ctx context.Context) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	kb, err := r.load()
	if err == nil {
		err = r.ix.Swap(kb)
	}
	if err != nil {
		r.m.Reload(false)
		r.log.Error("knowledge reload failed; the previous knowledge base keeps serving", "err", err)
		if r.notify != nil {
			r.notify(ctx, "Knowledge reload failed; the previous knowledge base keeps serving.\n"+err.Error())
		}
		return "", err
	}
	r.eng.SetKnowledge(kb)
	r.m.Reload(true)
	r.m.Knowledge(len(kb.Minerals), len(kb.Policies), len(kb.Countries))
	summary := knowledge.Summarize(kb)
	r.log.Info("knowledge reloaded", "summary", summary)
	return summary, nil
}

func (r *reloader) load() (*knowledge.KB, error) {
	fsys, err := knowledgeFS(r.dir)
	if err != nil {
		return nil, err
	}
	kb, err := knowledge.Load(fsys)
	var ps knowledge.Problems
	if errors.As(err, &ps) {
		const show = 10
		lines := make([]string, 0, show+1)
		for i, p := range ps {
			if i == show {
				lines = append(lines, fmt.Sprintf("…and %d more", len(ps)-show))
				break
			}
			lines = append(lines, p.String())
		}
		return nil, fmt.Errorf("%d problem(s):\n%s", len(ps), strings.Join(lines, "\n"))
	}
	return kb, err
}

// debounce lets a burst of file events (an editor's save, a git checkout) settle into one
// reload.
const debounce = 300 * time.Millisecond

// watch reloads whenever a file of the knowledge-base folder changes, until ctx is done.
func (r *reloader) watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	err = filepath.WalkDir(r.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("watch %s: %w", r.dir, err)
	}
	r.log.Info("watching the knowledge base for changes", "dir", r.dir)
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.Add(ev.Name)
				}
			}
			timer = time.After(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			r.log.Warn("watching the knowledge base", "err", err)
		case <-timer:
			timer = nil
			r.Reload(ctx)
		}
	}
}
