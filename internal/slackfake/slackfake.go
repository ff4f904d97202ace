// Package slackfake is a Slack stand-in for tests: a loopback HTTP server that answers the
// Web API methods mineralbot uses (auth.test, apps.connections.open, chat.postMessage,
// chat.postEphemeral), serves the Socket Mode WebSocket (hello, pings, envelopes, acks) and
// response_url posts, and records everything. It can ask the client to reconnect, drop the
// socket, and answer 429 with Retry-After.
//
// slack-go's own slacktest does not speak Socket Mode, hence this package.
package slackfake

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Tokens the server accepts.
const (
	BotToken = "xoxb-test-bot-token"
	AppToken = "xapp-test-app-token"
	BotUser  = "UMINERALBOT"
	BotID    = "BMINERALBOT"
)

// Post is a message the bot sent: by chat.postMessage, chat.postEphemeral or a response_url.
type Post struct {
	Method       string // chat.postMessage, chat.postEphemeral, response_url
	Channel      string
	ThreadTS     string
	Text         string
	Blocks       json.RawMessage
	ResponseType string          // for response_url posts
	Delete       bool            // delete_original, for response_url posts
	ResponseURL  string          // which response_url
	TS           string          // the message's ts, for chat.postMessage
	Metadata     json.RawMessage // message metadata, as sent
	At           time.Time
}

// Ack is an envelope acknowledgement the bot sent over the socket.
type Ack struct {
	EnvelopeID string
	Payload    json.RawMessage
	At         time.Time
}

// Server is the stand-in. Create it with New; Close it when done.
type Server struct {
	srv       *httptest.Server
	upgrader  websocket.Upgrader
	httpConns atomic.Int64 // TCP connections accepted

	// PingInterval is how often the server pings the client.
	PingInterval time.Duration
	// MultiConn keeps every socket the clients open (several replicas of the bot, or one with
	// several connections) and delivers each envelope to one of them, in turn, as Slack
	// does. Without it a new socket replaces the previous one.
	MultiConn bool

	mu       sync.Mutex
	conn     *websocket.Conn
	conns    []*websocket.Conn // with MultiConn
	nextConn int
	fail     map[string]int           // method → how many more calls answer HTTP 500
	slow     map[string]time.Duration // method → how long every call takes
	silent   map[*websocket.Conn]bool // sockets no longer pinged
	// channelLimit: channel → Retry-After of every chat.postMessage to it
	channelLimit map[string]int
	notMember    map[string]bool   // channels the bot has not joined
	views        []json.RawMessage // views opened (views.open), as sent
	published    []Published       // App Home views (views.publish)
	connWrite    sync.Mutex
	connections  int
	flap         int // sockets still to drop right after hello
	posts        []Post
	acks         []Ack
	firstAck     map[string]time.Time // envelope id → when its first ack came
	sent         map[string]time.Time // envelope id → when it was sent
	rateLimit    map[string]int       // method → how many more calls get 429
	retryAfter   int
	opens        int
	seq          atomic.Int64
	changed      chan struct{} // closed and replaced on every new connection, post or ack
	revoked      bool
	down         bool // apps.connections.open answers 503
}

// SetDown makes auth.test and apps.connections.open answer 503 (Slack unreachable) until
// called with false.
func (s *Server) SetDown(down bool) {
	s.mu.Lock()
	s.down = down
	s.mu.Unlock()
}

// New starts a stand-in on loopback.
func New() *Server {
	s := &Server{
		// slack-go dials with Origin https://api.slack.com; a loopback stand-in accepts it.
		upgrader:     websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
		PingInterval: 100 * time.Millisecond,
		sent:         make(map[string]time.Time),
		firstAck:     make(map[string]time.Time),
		rateLimit:    make(map[string]int),
		fail:         make(map[string]int),
		changed:      make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/auth.test", s.authTest)
	mux.HandleFunc("/api/apps.connections.open", s.connectionsOpen)
	mux.HandleFunc("/api/chat.postMessage", s.chatPost("chat.postMessage"))
	mux.HandleFunc("/api/chat.postEphemeral", s.chatPost("chat.postEphemeral"))
	mux.HandleFunc("/api/users.info", s.usersInfo)
	mux.HandleFunc("/api/conversations.history", s.conversationsHistory)
	mux.HandleFunc("/api/conversations.open", s.conversationsOpen)
	mux.HandleFunc("/api/conversations.info", s.conversationsInfo)
	mux.HandleFunc("/api/views.open", s.viewsOpen)
	mux.HandleFunc("/api/views.publish", s.viewsPublish)
	mux.HandleFunc("/ws", s.socket)
	mux.HandleFunc("/response/", s.responseURL)
	s.srv = httptest.NewUnstartedServer(mux)
	s.srv.Listener = arrivalListener{s.srv.Listener}
	s.srv.Config.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		return context.WithValue(ctx, connKey{}, c)
	}
	s.srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.httpConns.Add(1)
		}
	}
	s.srv.Start()
	return s
}

// APIURL is the base URL to give the client (with the trailing slash slack-go needs).
func (s *Server) APIURL() string { return s.srv.URL + "/api/" }

// Close stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	if s.conn != nil {
		s.conn.Close()
	}
	s.mu.Unlock()
	s.srv.CloseClientConnections()
	s.srv.Close()
}

func token(r *http.Request) string {
	if t := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "); t != "" {
		return t
	}
	_ = r.ParseForm()
	return r.FormValue("token")
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// RevokeTokens makes every later call fail with token_revoked.
func (s *Server) RevokeTokens() {
	s.mu.Lock()
	s.revoked = true
	s.mu.Unlock()
}

func (s *Server) authFails(w http.ResponseWriter, r *http.Request, want string) bool {
	s.mu.Lock()
	revoked := s.revoked
	s.mu.Unlock()
	switch {
	case revoked:
		writeJSON(w, map[string]any{"ok": false, "error": "token_revoked"})
	case token(r) != want:
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
	default:
		return false
	}
	return true
}

func (s *Server) authTest(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	down := s.down
	s.mu.Unlock()
	if down {
		http.Error(w, "slack is down", http.StatusServiceUnavailable)
		return
	}
	if s.authFails(w, r, BotToken) {
		return
	}
	writeJSON(w, map[string]any{"ok": true, "url": "https://fake.slack.test/", "team": "Fake",
		"user": "mineralbot", "team_id": "TFAKE", "user_id": BotUser, "bot_id": BotID})
}

// usersInfo answers users.info: users whose id starts with UADMIN are workspace admins,
// UOWNER owners; everyone else is a member. Users whose id starts with UES have the locale
// es-MX, everyone else en-US.
func (s *Server) usersInfo(w http.ResponseWriter, r *http.Request) {
	if s.authFails(w, r, BotToken) || s.limited(w, "users.info") {
		return
	}
	id := r.FormValue("user")
	locale := "en-US"
	if strings.HasPrefix(id, "UES") {
		locale = "es-MX"
	}
	u := map[string]any{"id": id, "name": strings.ToLower(id),
		"is_admin": strings.HasPrefix(id, "UADMIN"), "is_owner": strings.HasPrefix(id, "UOWNER")}
	if r.FormValue("include_locale") == "true" {
		u["locale"] = locale
	}
	writeJSON(w, map[string]any{"ok": true, "user": u})
}

func (s *Server) connectionsOpen(w http.ResponseWriter, r *http.Request) {
	if s.authFails(w, r, AppToken) {
		return
	}
	s.mu.Lock()
	s.opens++
	down := s.down
	s.mu.Unlock()
	if down {
		http.Error(w, "slack is down", http.StatusServiceUnavailable)
		return
	}
	url := "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/ws"
	writeJSON(w, map[string]any{"ok": true, "url": url})
}

// Opens counts apps.connections.open calls.
func (s *Server) Opens() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opens
}

// RateLimit makes the next n calls of a method ("chat.postMessage", "response_url",
// "users.info") answer
// 429 with Retry-After: retryAfter seconds.
func (s *Server) RateLimit(method string, n, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateLimit[method] = n
	s.retryAfter = retryAfter
}

// RateLimitChannel makes every chat.postMessage to one channel answer 429 with Retry-After,
// as Slack does for a channel that gets more than a message a second, until called with
// retryAfter 0.
func (s *Server) RateLimitChannel(channel string, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channelLimit == nil {
		s.channelLimit = map[string]int{}
	}
	s.channelLimit[channel] = retryAfter
}

// Fail makes the next n calls of a Web API method answer HTTP 500, as Slack does in an
// incident.
func (s *Server) Fail(method string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail[method] = n
}

// Slow makes every call of a Web API method (or "response_url") take d: Slack on a bad day.
func (s *Server) Slow(method string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.slow == nil {
		s.slow = map[string]time.Duration{}
	}
	s.slow[method] = d
}

// Silence stops pinging the current socket and leaves it open: a connection that died
// somewhere between Slack and the client without closing.
func (s *Server) Silence() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.silent == nil {
		s.silent = map[*websocket.Conn]bool{}
	}
	s.silent[s.conn] = true
}

func (s *Server) limited(w http.ResponseWriter, method string) bool {
	s.mu.Lock()
	d := s.slow[method]
	s.mu.Unlock()
	time.Sleep(d)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail[method] > 0 {
		s.fail[method]--
		http.Error(w, "internal error", http.StatusInternalServerError)
		return true
	}
	if s.rateLimit[method] <= 0 {
		return false
	}
	s.rateLimit[method]--
	w.Header().Set("Retry-After", fmt.Sprint(s.retryAfter))
	w.WriteHeader(http.StatusTooManyRequests)
	return true
}

func (s *Server) chatPost(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.limited(w, method) {
			return
		}
		if s.authFails(w, r, BotToken) {
			return
		}
		s.mu.Lock()
		ra := s.channelLimit[r.FormValue("channel")]
		s.mu.Unlock()
		s.mu.Lock()
		outside := s.notMember[r.FormValue("channel")]
		s.mu.Unlock()
		if outside && method == "chat.postMessage" {
			writeJSON(w, map[string]any{"ok": false, "error": "not_in_channel"})
			return
		}
		if ra > 0 {
			w.Header().Set("Retry-After", fmt.Sprint(ra))
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		p := Post{Method: method, Channel: r.FormValue("channel"), ThreadTS: r.FormValue("thread_ts"),
			Text: r.FormValue("text"), Blocks: json.RawMessage(r.FormValue("blocks")), Metadata: json.RawMessage(r.FormValue("metadata")), At: time.Now()}
		if p.Channel == "" {
			writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
			return
		}
		if len(p.Blocks) > 0 && !json.Valid(p.Blocks) {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_blocks"})
			return
		}
		ts := fmt.Sprintf("%d.%06d", time.Now().Unix(), s.seq.Add(1))
		p.TS = ts
		s.record(func() { s.posts = append(s.posts, p) })
		writeJSON(w, map[string]any{"ok": true, "channel": p.Channel, "ts": ts})
	}
}

// conversationsHistory returns the messages posted in a channel (chat.postMessage), newest
// first, with their metadata when include_all_metadata is set.
func (s *Server) conversationsHistory(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, "conversations.history") || s.authFails(w, r, BotToken) {
		return
	}
	channel, withMeta := r.FormValue("channel"), r.FormValue("include_all_metadata") == "1"
	s.mu.Lock()
	var msgs []map[string]any
	for i := len(s.posts) - 1; i >= 0; i-- {
		p := s.posts[i]
		if p.Method != "chat.postMessage" || p.Channel != channel {
			continue
		}
		m := map[string]any{"type": "message", "ts": p.TS, "text": p.Text}
		if withMeta && len(p.Metadata) > 0 {
			m["metadata"] = p.Metadata
		}
		msgs = append(msgs, m)
	}
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "messages": msgs, "has_more": false})
}

func (s *Server) viewsOpen(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, "views.open") || s.authFails(w, r, BotToken) {
		return
	}
	var body struct {
		TriggerID string          `json:"trigger_id"`
		View      json.RawMessage `json:"view"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.TriggerID == "" {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_trigger"})
		return
	}
	s.record(func() { s.views = append(s.views, body.View) })
	writeJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": fmt.Sprintf("V%d", s.seq.Add(1))}})
}

func (s *Server) viewsPublish(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, "views.publish") || s.authFails(w, r, BotToken) {
		return
	}
	var body struct {
		UserID string          `json:"user_id"`
		View   json.RawMessage `json:"view"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.UserID == "" {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	s.record(func() { s.published = append(s.published, Published{User: body.UserID, View: body.View}) })
	writeJSON(w, map[string]any{"ok": true, "view": map[string]any{"id": fmt.Sprintf("V%d", s.seq.Add(1))}})
}

// Published is an App Home view the bot published for a user.
type Published struct {
	User string
	View json.RawMessage
}

// PublishedViews returns the App Home views published so far.
func (s *Server) PublishedViews() []Published {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Published(nil), s.published...)
}

// Views returns the views the bot opened (views.open), as sent.
func (s *Server) Views() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.views...)
}

// SendMessageShortcut delivers a message shortcut used on a message with the given text, and
// returns its envelope id and response_url.
func (s *Server) SendMessageShortcut(user, channel, callbackID, text string) (envelopeID, responseURL string, err error) {
	n := s.seq.Add(1)
	envelopeID = fmt.Sprintf("env-shortcut-%d", n)
	responseURL = fmt.Sprintf("%s/response/%d", s.srv.URL, n)
	payload := map[string]any{"type": "message_action", "callback_id": callbackID, "user": map[string]any{"id": user},
		"channel": map[string]any{"id": channel}, "response_url": responseURL, "trigger_id": "trig",
		"message": map[string]any{"type": "message", "text": text, "ts": "1700000700.000100"}}
	return envelopeID, responseURL, s.send(map[string]any{"type": "interactive", "envelope_id": envelopeID, "payload": payload, "accepts_response_payload": false})
}

// SendViewSubmission delivers the submission of a modal: its callback id, private metadata
// and state values (block id → action id → value object).
func (s *Server) SendViewSubmission(user, callbackID, privateMetadata string, values map[string]map[string]any) (string, error) {
	envelopeID := fmt.Sprintf("env-view-%d", s.seq.Add(1))
	payload := map[string]any{"type": "view_submission", "user": map[string]any{"id": user}, "trigger_id": "trig",
		"view": map[string]any{"id": "V1", "type": "modal", "callback_id": callbackID, "private_metadata": privateMetadata,
			"state": map[string]any{"values": values}}}
	return envelopeID, s.send(map[string]any{"type": "interactive", "envelope_id": envelopeID, "payload": payload, "accepts_response_payload": true})
}

// NotMember makes the bot a non-member of a channel: conversations.info says so and
// chat.postMessage there answers not_in_channel.
func (s *Server) NotMember(channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.notMember == nil {
		s.notMember = map[string]bool{}
	}
	s.notMember[channel] = true
}

func (s *Server) conversationsInfo(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, "conversations.info") || s.authFails(w, r, BotToken) {
		return
	}
	ch := r.FormValue("channel")
	s.mu.Lock()
	member := !s.notMember[ch]
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "channel": map[string]any{"id": ch, "is_channel": true, "is_member": member}})
}

// conversationsOpen opens a DM with a user: here the DM's id is the user's id, which is also
// where chat.postMessage to a user id records the post.
func (s *Server) conversationsOpen(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, "conversations.open") || s.authFails(w, r, BotToken) {
		return
	}
	users := r.FormValue("users")
	if users == "" {
		writeJSON(w, map[string]any{"ok": false, "error": "users_list_not_supplied"})
		return
	}
	writeJSON(w, map[string]any{"ok": true, "channel": map[string]any{"id": strings.Split(users, ",")[0]}})
}

func (s *Server) responseURL(w http.ResponseWriter, r *http.Request) {
	if s.limited(w, "response_url") {
		return
	}
	var body struct {
		ResponseType   string          `json:"response_type"`
		Text           string          `json:"text"`
		Blocks         json.RawMessage `json:"blocks"`
		DeleteOriginal bool            `json:"delete_original"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	at := requestArrival(r) // the post's last bytes: what Slack would time
	p := Post{Method: "response_url", ResponseURL: r.URL.Path, Text: body.Text, Blocks: body.Blocks,
		ResponseType: body.ResponseType, Delete: body.DeleteOriginal, At: at}
	s.record(func() { s.posts = append(s.posts, p) })
	w.WriteHeader(http.StatusOK)
}

// record changes the recorded state and wakes the waiters.
func (s *Server) record(fn func()) {
	s.mu.Lock()
	fn()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	conn, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.flap > 0 {
		// A socket that drops right after hello: counted, never the current one, so that
		// nothing is sent on it.
		s.flap--
		s.connections++
		close(s.changed)
		s.changed = make(chan struct{})
		s.mu.Unlock()
		s.write(conn, map[string]any{"type": "hello", "num_connections": 1,
			"connection_info": map[string]any{"app_id": "AFAKE"}, "debug_info": map[string]any{"host": "fake"}})
		conn.Close()
		return
	}
	if s.MultiConn {
		s.conns = append(s.conns, conn)
	} else if s.conn != nil {
		s.conn.Close()
	}
	s.conn = conn
	s.connections++
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()

	s.write(conn, map[string]any{"type": "hello", "num_connections": 1,
		"connection_info": map[string]any{"app_id": "AFAKE"}, "debug_info": map[string]any{"host": "fake"}})

	done := make(chan struct{})
	go func() {
		t := time.NewTicker(s.PingInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				s.mu.Lock()
				silent := s.silent[conn]
				s.mu.Unlock()
				if silent {
					continue
				}
				s.connWrite.Lock()
				err := conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second))
				s.connWrite.Unlock()
				if err != nil {
					return
				}
			}
		}
	}()
	defer close(done)
	defer func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		for i, c := range s.conns {
			if c == conn {
				s.conns = append(s.conns[:i], s.conns[i+1:]...)
				break
			}
		}
		if s.MultiConn && s.conn == conn {
			s.conn = nil
			if len(s.conns) > 0 {
				s.conn = s.conns[len(s.conns)-1]
			}
		}
		close(s.changed)
		s.changed = make(chan struct{})
	}()
	nc := conn.NetConn()
	for {
		_, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		at := arrivalOf(nc) // the frame's last bytes: what Slack would time
		var ack struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(data, &ack) == nil && ack.EnvelopeID != "" {
			s.record(func() {
				s.acks = append(s.acks, Ack{EnvelopeID: ack.EnvelopeID, Payload: ack.Payload, At: at})
				if _, ok := s.firstAck[ack.EnvelopeID]; !ok {
					s.firstAck[ack.EnvelopeID] = at
				}
			})
		}
	}
}

func (s *Server) write(conn *websocket.Conn, v any) error {
	s.connWrite.Lock()
	defer s.connWrite.Unlock()
	return conn.WriteJSON(v)
}

// WaitConnected waits until the client has a socket (at least n connections so far).
func (s *Server) WaitConnected(n int, timeout time.Duration) error {
	return s.wait(timeout, fmt.Sprintf("connection #%d", n), func() bool { return s.connections >= n && s.conn != nil })
}

// wait waits until cond, evaluated under the lock, holds.
func (s *Server) wait(timeout time.Duration, what string, cond func() bool) error {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-deadline:
			return fmt.Errorf("slackfake: no %s within %s", what, timeout)
		}
	}
}

// WaitLive waits until exactly n sockets are open (with MultiConn): a client that died has
// been noticed.
func (s *Server) WaitLive(n int, timeout time.Duration) error {
	return s.wait(timeout, fmt.Sprintf("%d live sockets", n), func() bool { return len(s.conns) == n })
}

// HTTPConnections counts the TCP connections clients opened: to the Web API, to response_url
// and for sockets (each a TLS handshake against the real Slack).
func (s *Server) HTTPConnections() int64 { return s.httpConns.Load() }

// Connections counts the sockets the client opened.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connections
}

// send writes an envelope to the current socket and remembers when: just before the write,
// once it is encoded and the socket is this goroutine's, so that the latency measured is the
// client's, not the stand-in's.
func (s *Server) send(env map[string]any) error {
	data, err := json.Marshal(env)
	if err != nil {
		return err
	}
	s.mu.Lock()
	conn := s.conn
	if s.MultiConn && len(s.conns) > 0 {
		conn = s.conns[s.nextConn%len(s.conns)]
		s.nextConn++
	}
	s.mu.Unlock()
	if conn == nil {
		return fmt.Errorf("slackfake: no socket")
	}
	s.connWrite.Lock()
	at := time.Now()
	err = conn.WriteMessage(websocket.TextMessage, data)
	s.connWrite.Unlock()
	if id, ok := env["envelope_id"].(string); ok {
		s.mu.Lock()
		s.sent[id] = at
		s.mu.Unlock()
	}
	return err
}

// SendRaw writes a raw text frame to the socket: a malformed or oversized envelope.
func (s *Server) SendRaw(frame []byte) error {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return fmt.Errorf("slackfake: no socket")
	}
	s.connWrite.Lock()
	defer s.connWrite.Unlock()
	return conn.WriteMessage(websocket.TextMessage, frame)
}

// SendEnvelope delivers an envelope as given (its type and payload are the caller's), and
// remembers when.
func (s *Server) SendEnvelope(env map[string]any) error { return s.send(env) }

// SlashCommand is a /command invocation.
type SlashCommand struct {
	Command, Text, User, Channel string
	// NoAckPayload sends the envelope with accepts_response_payload false: the reply cannot
	// ride in the ack and goes by response_url.
	NoAckPayload bool
}

// SendSlashCommand delivers a slash command and returns its envelope id and response_url.
func (s *Server) SendSlashCommand(c SlashCommand) (envelopeID, responseURL string, err error) {
	n := s.seq.Add(1)
	envelopeID = fmt.Sprintf("env-slash-%d", n)
	responseURL = fmt.Sprintf("%s/response/%d", s.srv.URL, n)
	if c.Command == "" {
		c.Command = "/mineral"
	}
	payload := map[string]any{"command": c.Command, "text": c.Text, "user_id": c.User, "user_name": c.User,
		"channel_id": c.Channel, "team_id": "TFAKE", "response_url": responseURL, "trigger_id": "trig"}
	return envelopeID, responseURL, s.send(map[string]any{"type": "slash_commands", "envelope_id": envelopeID,
		"payload": payload, "accepts_response_payload": !c.NoAckPayload})
}

// Event is an Events API event to deliver.
type Event struct {
	EventID      string         // reused to simulate a redelivery
	RetryAttempt int            // > 0 for a redelivery
	Inner        map[string]any // the "event" object: type, user, text, channel, ts, …
}

// SendEvent delivers an Events API envelope and returns its envelope id.
func (s *Server) SendEvent(e Event) (string, error) {
	envelopeID := fmt.Sprintf("env-event-%d", s.seq.Add(1))
	if e.EventID == "" {
		e.EventID = fmt.Sprintf("Ev%d", s.seq.Add(1))
	}
	payload := map[string]any{"token": "x", "team_id": "TFAKE", "api_app_id": "AFAKE", "type": "event_callback",
		"event_id": e.EventID, "event_time": time.Now().Unix(), "event": e.Inner}
	env := map[string]any{"type": "events_api", "envelope_id": envelopeID, "payload": payload,
		"accepts_response_payload": false, "retry_attempt": e.RetryAttempt}
	if e.RetryAttempt > 0 {
		env["retry_reason"] = "timeout"
	}
	return envelopeID, s.send(env)
}

// SendBlockAction delivers a button click with the given action id and value.
func (s *Server) SendBlockAction(user, channel, actionID, value string) (envelopeID, responseURL string, err error) {
	n := s.seq.Add(1)
	envelopeID = fmt.Sprintf("env-action-%d", n)
	responseURL = fmt.Sprintf("%s/response/%d", s.srv.URL, n)
	payload := map[string]any{"type": "block_actions", "user": map[string]any{"id": user},
		"channel": map[string]any{"id": channel}, "response_url": responseURL, "trigger_id": "trig",
		"actions": []map[string]any{{"type": "button", "action_id": actionID, "block_id": "share", "value": value}}}
	return envelopeID, responseURL, s.send(map[string]any{"type": "interactive", "envelope_id": envelopeID,
		"payload": payload, "accepts_response_payload": false})
}

// SendBlockSuggestion asks for an external select's options as a user types into it, from
// the App Home; the options come back in the ack (WaitAck).
func (s *Server) SendBlockSuggestion(user, actionID, typed string) (envelopeID string, err error) {
	envelopeID = fmt.Sprintf("env-suggest-%d", s.seq.Add(1))
	payload := map[string]any{"type": "block_suggestion", "user": map[string]any{"id": user},
		"container": map[string]any{"type": "view", "view_id": "VHOME"}, "block_id": "pickers", "action_id": actionID, "value": typed}
	return envelopeID, s.send(map[string]any{"type": "interactive", "envelope_id": envelopeID,
		"payload": payload, "accepts_response_payload": true})
}

// SendSelect delivers the choice of an option in an App Home external select.
func (s *Server) SendSelect(user, actionID, value string) (envelopeID string, err error) {
	envelopeID = fmt.Sprintf("env-select-%d", s.seq.Add(1))
	payload := map[string]any{"type": "block_actions", "user": map[string]any{"id": user}, "trigger_id": "trig",
		"container": map[string]any{"type": "view", "view_id": "VHOME"},
		"actions": []map[string]any{{"type": "external_select", "action_id": actionID, "block_id": "pickers",
			"selected_option": map[string]any{"text": map[string]any{"type": "plain_text", "text": value}, "value": value}}}}
	return envelopeID, s.send(map[string]any{"type": "interactive", "envelope_id": envelopeID,
		"payload": payload, "accepts_response_payload": false})
}

// Flap makes the next n sockets drop right after hello, as a flaky network or load balancer
// does.
func (s *Server) Flap(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flap = n
}

// Disconnect asks the client to reconnect, as Slack does before it recycles a socket.
func (s *Server) Disconnect(reason string) error {
	return s.send(map[string]any{"type": "disconnect", "reason": reason, "debug_info": map[string]any{"host": "fake"}})
}

// DropSocket closes the socket without a word, as a network failure would.
func (s *Server) DropSocket() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		s.conn.UnderlyingConn().Close()
		s.conn = nil
	}
}

// Posts returns a copy of the posts so far.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.posts...)
}

// Acks returns a copy of the acks so far.
func (s *Server) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Ack(nil), s.acks...)
}

// AckLatency returns how long the client took to ack an envelope.
func (s *Server) AckLatency(envelopeID string) (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sent, ok := s.sent[envelopeID]
	acked, ok2 := s.firstAck[envelopeID]
	if !ok || !ok2 {
		return 0, false
	}
	return since(sent, acked), true // the first ack: Slack counts that one
}

// WaitFor waits until cond holds for the recorded posts and acks.
func (s *Server) WaitFor(timeout time.Duration, cond func(posts []Post, acks []Ack) bool) error {
	return s.wait(timeout, "match", func() bool { return cond(s.posts, s.acks) })
}

// WaitReply waits for the reply to a slash command (or another envelope with a
// response_url): in its ack, when the bot answered within its ack budget, else posted to the
// response_url after a bare ack, as on a busy machine. Slack shows the user the same message
// either way, so a test of what the user sees reads it wherever it was sent. The reply is
// JSON as the bot wrote it: response_type, text and blocks.
func (s *Server) WaitReply(envelopeID, responseURL string, timeout time.Duration) (json.RawMessage, error) {
	var reply json.RawMessage
	err := s.WaitFor(timeout, func(posts []Post, acks []Ack) bool {
		for _, a := range acks {
			if a.EnvelopeID == envelopeID && len(a.Payload) > 0 {
				reply = a.Payload
				return true
			}
		}
		for _, p := range posts {
			if p.Method == "response_url" && p.ResponseURL != "" && strings.HasSuffix(responseURL, p.ResponseURL) {
				reply, _ = json.Marshal(struct {
					ResponseType string          `json:"response_type,omitempty"`
					Text         string          `json:"text"`
					Blocks       json.RawMessage `json:"blocks,omitempty"`
				}{p.ResponseType, p.Text, p.Blocks})
				return true
			}
		}
		return false
	})
	if err != nil {
		return nil, fmt.Errorf("no reply to %s in its ack or at its response_url: %w", envelopeID, err)
	}
	return reply, nil
}

// WaitAck waits for the ack of an envelope.
func (s *Server) WaitAck(envelopeID string, timeout time.Duration) (Ack, error) {
	var found Ack
	err := s.WaitFor(timeout, func(_ []Post, acks []Ack) bool {
		for _, a := range acks {
			if a.EnvelopeID == envelopeID {
				found = a
				return true
			}
		}
		return false
	})
	return found, err
}
