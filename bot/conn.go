// The Socket Mode connection: frames in, acks out, without queueing acks behind answers.

package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// socketConn is the bot's Socket Mode connection.
//
// slack-go's socketmode.Client hands each frame through three goroutines and decodes it
// four times before the bot sees it, and each ack through two more: under a burst of
// commands every ack waited behind that pipeline, 15–30 ms at the 99th percentile for 200
// commands. Here the goroutine that reads a frame decodes it (a slash command's payload is
// left to the worker that answers it), hands it to the bot, which acks at once and queues
// the answering, and writes the ack itself. slack-go still opens the connection
// (apps.connections.open) and its types carry the requests, so the bot's handlers are those
// of slack-go's client.
type socketConn struct {
	api       *slack.Client
	dialer    *websocket.Dialer
	pingWait  time.Duration // Slack pings every few seconds: a socket silent this long is dead
	readLimit int64

	mu   sync.Mutex // serialises writes, and guards conn
	conn *websocket.Conn
}

// writeWait bounds one write to the socket.
const writeWait = 10 * time.Second

// disconnectError ends a session when Slack asks the client to go: with reason
// "refresh_requested" or "warning" for a new connection, "too_many_websockets" when the
// app has its ten, "link_disabled" when Socket Mode was turned off in the app's settings.
type disconnectError struct{ reason string }

func (e disconnectError) Error() string { return "slack closed the connection: " + e.reason }

// lasting reports whether reconnecting at once would only meet the same refusal.
func (e disconnectError) lasting() bool {
	return e.reason == "link_disabled" || e.reason == "too_many_websockets"
}

// errNoSocket is an ack with no socket to carry it: Slack redelivers the envelope.
var errNoSocket = errors.New("no socket")

// eventTypeUnknown marks an envelope of a type the bot does not know; its Request says which.
const eventTypeUnknown socketmode.EventType = "mineralbot_unknown_envelope"

// session opens one connection and reads it, handing each event to handle on the reading
// goroutine, until the socket fails, Slack asks the client to go (a disconnectError) or ctx
// ends (nil). handle must not block on answering.
func (s *socketConn) session(ctx context.Context, handle func(socketmode.Event)) error {
	handle(socketmode.Event{Type: socketmode.EventTypeConnecting})
	_, url, err := s.api.StartSocketModeContext(ctx)
	if err != nil {
		return err // as slack-go returns it: auth errors are told apart by their text
	}
	conn, resp, err := s.dialer.DialContext(ctx, url, http.Header{"Origin": {"https://api.slack.com"}})
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	if err != nil {
		return fmt.Errorf("dialling the socket: %w", err)
	}
	defer conn.Close()
	// Slack's envelopes are kilobytes: a frame past the limit closes the socket (and the bot
	// reconnects) rather than growing the process.
	conn.SetReadLimit(s.readLimit)
	conn.SetPingHandler(func(data string) error {
		conn.SetReadDeadline(time.Now().Add(s.pingWait))
		err := conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(writeWait))
		if errors.Is(err, websocket.ErrCloseSent) {
			return nil
		}
		return err
	})
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.conn == conn {
			s.conn = nil
		}
		s.mu.Unlock()
	}()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	handle(socketmode.Event{Type: socketmode.EventTypeConnected})
	for {
		conn.SetReadDeadline(time.Now().Add(s.pingWait))
		_, data, err := conn.ReadMessage()
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading the socket: %w", err)
		}
		evt := parseFrame(data)
		handle(evt)
		if evt.Type == socketmode.EventTypeDisconnect {
			return disconnectError{evt.Request.Reason}
		}
	}
}

// parseFrame decodes one frame into the event slack-go's client would give for it, except
// that a slash command's payload stays a slashPayload, for its worker to decode. A frame that
// does not parse is an EventTypeErrorBadMessage; one of a type the bot does not know is
// eventTypeUnknown.
func parseFrame(data []byte) socketmode.Event {
	var req socketmode.Request
	if err := json.Unmarshal(data, &req); err != nil {
		return badFrame(err, data)
	}
	evt := socketmode.Event{Request: &req}
	var err error
	switch req.Type {
	case socketmode.RequestTypeHello:
		evt.Type = socketmode.EventTypeHello
	case socketmode.RequestTypeDisconnect:
		evt.Type = socketmode.EventTypeDisconnect
	case socketmode.RequestTypeSlashCommands:
		// Decoded by the worker that answers it: the reading goroutine only acks.
		evt.Type, evt.Data = socketmode.EventTypeSlashCommand, &slashPayload{raw: req.Payload}
	case socketmode.RequestTypeEventsAPI:
		var e slackevents.EventsAPIEvent
		e, err = slackevents.ParseEvent(req.Payload, slackevents.OptionNoVerifyToken())
		evt.Type, evt.Data = socketmode.EventTypeEventsAPI, e
	case socketmode.RequestTypeInteractive:
		var cb slack.InteractionCallback
		err = json.Unmarshal(req.Payload, &cb)
		evt.Type, evt.Data = socketmode.EventTypeInteractive, cb
	default:
		evt.Type = eventTypeUnknown
	}
	if err != nil {
		return badFrame(fmt.Errorf("%s payload: %w", req.Type, err), data)
	}
	return evt
}

// slashPayload is a slash command's payload, decoded when first asked for: by the worker
// that answers it, or by the journal that records it as pending, whichever comes first.
type slashPayload struct {
	raw  json.RawMessage
	once sync.Once
	cmd  slack.SlashCommand
	err  error
}

func (p *slashPayload) command() (slack.SlashCommand, error) {
	p.once.Do(func() {
		if err := json.Unmarshal(p.raw, &p.cmd); err != nil {
			p.err = fmt.Errorf("slash command payload: %w", err)
		}
	})
	return p.cmd, p.err
}

func badFrame(err error, data []byte) socketmode.Event {
	return socketmode.Event{Type: socketmode.EventTypeErrorBadMessage, Data: &socketmode.ErrorBadMessage{Cause: err, Message: data}}
}

// ack acknowledges an envelope on the current socket, with a payload where Slack accepts
// one (a json.RawMessage is sent as it is).
func (s *socketConn) ack(envelopeID string, payload any) error {
	var data []byte
	var err error
	if raw, ok := payload.(json.RawMessage); ok {
		// Encoded already (on a worker): spliced in, not encoded again.
		id, _ := json.Marshal(envelopeID)
		data = slices.Concat([]byte(`{"envelope_id":`), id, []byte(`,"payload":`), raw, []byte(`}`))
	} else if data, err = json.Marshal(socketmode.Response{EnvelopeID: envelopeID, Payload: payload}); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		return errNoSocket
	}
	s.conn.SetWriteDeadline(time.Now().Add(writeWait))
	return s.conn.WriteMessage(websocket.TextMessage, data)
}
