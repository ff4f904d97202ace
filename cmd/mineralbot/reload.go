package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strconv"
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

// rescan is how often the folder is fingerprinted even without events: a fallback for what
// file events miss (a folder swapped by rename, a symlink repointed, a network filesystem).
var rescan = 5 * time.Second

// watch reloads whenever a file of the knowledge-base folder changes, until ctx is done. It
// watches the folder's parent too, so that a folder replaced by rename, deleted and restored,
// or reached through a symlink that is repointed, is watched again (re-armed) and reloaded.
func (r *reloader) watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	abs, err := filepath.Abs(r.dir)
	if err != nil {
		return fmt.Errorf("watch %s: %w", r.dir, err)
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	var real string // the folder's resolved path, as last armed
	arm := func() {
		w.Add(parent)
		resolved, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return // gone for now: the parent's events or the rescan bring it back
		}
		if real != "" && real != resolved {
			w.Remove(real)
		}
		real = resolved
		filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				w.Add(p)
			}
			return nil
		})
	}
	arm()
	if real == "" {
		return fmt.Errorf("watch %s: the folder does not exist", r.dir)
	}
	last := fingerprint(abs)
	r.log.Info("watching the knowledge base for changes", "dir", r.dir)
	ticker := time.NewTicker(rescan)
	defer ticker.Stop()
	var timer <-chan time.Time
	reload := func() {
		arm()
		last = fingerprint(abs)
		r.Reload(ctx)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if filepath.Dir(ev.Name) == parent && filepath.Base(ev.Name) != base {
				continue // a sibling of the folder
			}
			timer = time.After(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			r.log.Warn("watching the knowledge base", "err", err)
		case <-timer:
			timer = nil
			reload()
		case <-ticker.C:
			if fp := fingerprint(abs); fp != last {
				r.log.Info("the knowledge base changed without a file event; reloading", "dir", r.dir)
				reload()
			}
		}
	}
}

// fingerprint sums up a folder's files (path, size, time): two equal fingerprints mean
// nothing changed that a reload would see.
func fingerprint(dir string) string {
	h := fnv.New64a()
	resolved, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "missing"
	}
	fmt.Fprint(h, resolved)
	filepath.WalkDir(resolved, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprint(h, p, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return strconv.FormatUint(h.Sum64(), 16)
}
