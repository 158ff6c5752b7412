//! A small Discord stand-in on 127.0.0.1 for the end-to-end tests and the
//! benchmark: the REST routes the bot calls (over a minimal HTTP/1.1 server)
//! and the gateway websocket, recording every request and every frame the bot
//! sends. Payload shapes follow Discord's API documentation, with the fields
//! serenity 0.12.5 needs to deserialize them (an event it cannot read is
//! silently dropped, so `tests/discord_fake.rs` deserializes each shape here
//! into serenity's own types).
//!
//! The world: one guild ([`GUILD`]) with text channels, roles and members, a
//! second guild on shard 1 ([`OTHER_GUILD`]), a DM channel, the bot ([`BOT`])
//! and a few users. Tests drive it with [`FakeDiscord::say`],
//! [`FakeDiscord::slash`], [`FakeDiscord::click`] and the gateway controls
//! ([`FakeDiscord::close_gateway`], [`FakeDiscord::drop_gateway`],
//! [`FakeDiscord::send_reconnect`]), and read what the bot did with
//! [`FakeDiscord::reply_to`] and [`FakeDiscord::interaction_reply`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message as Frame;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

/// The bot's user id, also its application id.
pub const BOT: u64 = 900_000_000_000_000_001;
/// The main guild; `GUILD >> 22` is 8, so it is on shard 0 of 1, 2, 4 or 8.
pub const GUILD: u64 = 8 << 22;
/// A second guild, on shard 1 of 2, 4 or 8.
pub const OTHER_GUILD: u64 = 9 << 22;
/// A text channel where the bot may write.
pub const GENERAL: u64 = 3001;
/// A text channel the tests configure as an answer channel.
pub const ANSWERS: u64 = 3002;
/// A channel whose permission overwrite denies the bot Send Messages.
pub const READ_ONLY: u64 = 3003;
/// A channel that looks writable but where REST answers 403.
pub const FORBIDDEN: u64 = 3004;
/// A channel where REST answers 500.
pub const BROKEN: u64 = 3005;
/// The text channel of [`OTHER_GUILD`].
pub const OTHER_CHANNEL: u64 = 3101;
/// A DM channel between the bot and [`ALICE`].
pub const DM: u64 = 3900;
/// A role with Manage Server.
pub const ADMIN_ROLE: u64 = 4001;
/// A role without permissions (tests may configure it as an admin role).
pub const HELPER_ROLE: u64 = 4002;
/// Another role, for mentions.
pub const MEMBERS_ROLE: u64 = 4003;
/// The guild owner, with [`ADMIN_ROLE`].
pub const OWNER: u64 = 5001;
/// A member without special roles.
pub const ALICE: u64 = 5002;
/// A member with [`HELPER_ROLE`].
pub const HELPER: u64 = 5003;
/// Another bot.
pub const OTHER_BOT: u64 = 5999;

const TIMESTAMP: &str = "2024-01-01T00:00:00.000000+00:00";
/// View Channels, Send Messages, Read Message History, Use Application Commands,
/// Send Messages in Threads, Embed Links: what @everyone may do.
const EVERYONE_PERMISSIONS: u64 =
    (1 << 10) | (1 << 11) | (1 << 16) | (1 << 31) | (1 << 38) | (1 << 14);
const MANAGE_GUILD: u64 = 1 << 5;
const SEND_MESSAGES: u64 = 1 << 11;

/// How the fake behaves.
#[derive(Debug, Clone)]
pub struct FakeOptions {
    /// Heartbeat interval sent in HELLO, in milliseconds.
    pub heartbeat_ms: u64,
    /// Shards recommended by `GET /gateway/bot`.
    pub recommended_shards: u32,
    /// Answer IDENTIFY by closing with this code (4004: bad token, 4014:
    /// disallowed intents) instead of READY.
    pub refuse_identify: Option<u16>,
}

impl Default for FakeOptions {
    fn default() -> Self {
        FakeOptions {
            heartbeat_ms: 2000,
            recommended_shards: 1,
            refuse_identify: None,
        }
    }
}

/// One REST request the bot made, with the fake's answer.
#[derive(Debug, Clone)]
pub struct Request {
    /// HTTP method.
    pub method: String,
    /// Path, e.g. `/api/v10/channels/3001/messages`.
    pub path: String,
    /// Query string without `?`.
    pub query: String,
    /// JSON body (`null` when none).
    pub body: Value,
    /// Status the fake answered.
    pub status: u16,
    /// Body the fake answered.
    pub response: Value,
}

/// A frame the bot sent on the gateway.
#[derive(Debug, Clone)]
pub enum GatewayFrame {
    /// op 2 with its `d`.
    Identify(Value),
    /// op 6 with its `d`.
    Resume(Value),
    /// op 1.
    Heartbeat,
    /// A close frame, with its code.
    Close(Option<u16>),
    /// Anything else.
    Other(Value),
}

/// What the bot sent in answer to a message or an interaction, as a user sees it.
#[derive(Debug, Clone)]
pub struct Sent {
    /// The text.
    pub content: String,
    /// Seen only by the user (flag 64).
    pub ephemeral: bool,
    /// The `allowed_mentions` sent with it.
    pub allowed_mentions: Value,
    /// The `components` sent with it.
    pub components: Value,
    /// The message replied to, for a message reply.
    pub reference: Option<u64>,
    /// Channel it went to.
    pub channel: u64,
    /// The message object the fake returned (for clicking its buttons).
    pub message: Value,
}

impl Sent {
    /// Labels and custom ids of the buttons.
    pub fn buttons(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for row in self.components.as_array().into_iter().flatten() {
            for c in row["components"].as_array().into_iter().flatten() {
                out.push((
                    c["label"].as_str().unwrap_or("").to_string(),
                    c["custom_id"].as_str().unwrap_or("").to_string(),
                ));
            }
        }
        out
    }

    /// True when the allowed mentions let nobody be pinged.
    pub fn pings_nobody(&self) -> bool {
        let m = &self.allowed_mentions;
        let empty = |key: &str| m[key].as_array().is_some_and(|a| a.is_empty()) || m[key].is_null();
        m.is_object()
            && m["parse"].as_array().is_some_and(|a| a.is_empty())
            && empty("users")
            && empty("roles")
            && m["replied_user"] != json!(true)
    }
}

/// An interaction the fake sent, to find its reply.
#[derive(Debug, Clone)]
pub struct Interaction {
    /// Interaction id.
    pub id: u64,
    /// Interaction token.
    pub token: String,
}

/// Ways the fake cuts the bot's gateway connection.
#[derive(Debug, Clone, Copy)]
pub enum Interrupt {
    /// A close frame with this code (4000: unknown error, resumable).
    Close(u16),
    /// The TCP connection dropped without a close frame.
    Drop,
    /// op 7 Reconnect.
    Reconnect,
}

impl Interrupt {
    fn control(self) -> Control {
        match self {
            Interrupt::Close(code) => Control::Close(code),
            Interrupt::Drop => Control::Drop,
            Interrupt::Reconnect => Control::Send(json!({"op": 7, "d": null}).to_string()),
        }
    }
}

enum Control {
    Send(String),
    Close(u16),
    Drop,
}

struct Session {
    id: String,
    shard: [u64; 2],
    seq: u64,
    log: Vec<(u64, String)>,
    conn: Option<(u64, mpsc::UnboundedSender<Control>)>,
}

#[derive(Default)]
struct State {
    requests: Vec<Request>,
    frames: Vec<GatewayFrame>,
    sessions: Vec<Session>,
    failures: HashMap<u64, u16>,
    readies: usize,
    created: usize,
    /// Indexes into `requests` of message creations, by the message replied to.
    replies: HashMap<u64, Vec<usize>>,
}

struct Inner {
    state: Mutex<State>,
    changed: Notify,
    next_id: AtomicU64,
    api_base: String,
    gateway_url: String,
    options: FakeOptions,
}

/// The running fake. Its servers stop when it is dropped.
pub struct FakeDiscord {
    inner: Arc<Inner>,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl FakeDiscord {
    /// Starts the REST server and the gateway on two free loopback ports.
    pub async fn start(options: FakeOptions) -> FakeDiscord {
        let rest = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake REST port");
        let gateway = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake gateway port");
        let inner = Arc::new(Inner {
            state: Mutex::new(State::default()),
            changed: Notify::new(),
            next_id: AtomicU64::new(1_100_000_000_000_000_000),
            api_base: format!("http://{}", rest.local_addr().expect("REST address")),
            gateway_url: format!("ws://{}/", gateway.local_addr().expect("gateway address")),
            options,
        });
        let rest_task = {
            let inner = inner.clone();
            tokio::spawn(async move {
                while let Ok((stream, _)) = rest.accept().await {
                    tokio::spawn(serve_http(inner.clone(), stream));
                }
            })
        };
        let gateway_task = {
            let inner = inner.clone();
            tokio::spawn(async move {
                while let Ok((stream, _)) = gateway.accept().await {
                    tokio::spawn(serve_gateway(inner.clone(), stream));
                }
            })
        };
        FakeDiscord {
            inner,
            tasks: vec![rest_task, gateway_task],
        }
    }

    /// The base URL for `DISCORD_API_BASE`.
    pub fn api_base(&self) -> &str {
        &self.inner.api_base
    }

    /// A new snowflake.
    pub fn new_id(&self) -> u64 {
        self.inner.next_id.fetch_add(1, Ordering::SeqCst)
    }

    /// Every REST request so far.
    pub fn requests(&self) -> Vec<Request> {
        self.inner.lock().requests.clone()
    }

    /// Every gateway frame the bot sent so far.
    pub fn frames(&self) -> Vec<GatewayFrame> {
        self.inner.lock().frames.clone()
    }

    /// How many READY events were sent.
    pub fn readies(&self) -> usize {
        self.inner.lock().readies
    }

    /// Waits until the bot created `count` channel messages in all.
    pub async fn wait_created(&self, count: usize, timeout: Duration) -> bool {
        self.wait_until(timeout, |v| (v.state.created >= count).then_some(()))
            .await
            .is_some()
    }

    /// Makes `POST /channels/{channel}/messages` answer `status`.
    pub fn fail_channel(&self, channel: u64, status: u16) {
        self.inner.lock().failures.insert(channel, status);
    }

    /// Waits until `check` finds something in the recorded state, at most `timeout`.
    pub async fn wait_until<T>(
        &self,
        timeout: Duration,
        mut check: impl FnMut(&FakeView<'_>) -> Option<T>,
    ) -> Option<T> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.inner.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            {
                let state = self.inner.lock();
                if let Some(found) = check(&FakeView { state: &state }) {
                    return Some(found);
                }
            }
            tokio::select! {
                () = &mut notified => {}
                () = tokio::time::sleep_until(deadline) => return None,
            }
        }
    }

    /// Waits until `shards` sessions got READY and their guilds.
    pub async fn wait_ready(&self, shards: usize, timeout: Duration) -> bool {
        self.wait_until(timeout, |v| (v.state.readies >= shards).then_some(()))
            .await
            .is_some()
    }

    /// Waits until the bot registered its commands; returns the request.
    pub async fn wait_commands(&self, timeout: Duration) -> Option<Request> {
        self.wait_until(timeout, |v| {
            v.requests()
                .find(|r| r.method == "PUT" && r.path.ends_with("/commands"))
                .cloned()
        })
        .await
    }

    /// Posts a message from `author` in `channel` (MESSAGE_CREATE); returns its id.
    pub fn say(&self, author: u64, channel: u64, content: &str) -> u64 {
        let id = self.new_id();
        let message = self.user_message(id, author, channel, content);
        self.dispatch("MESSAGE_CREATE", message, guild_of(channel));
        id
    }

    /// The MESSAGE_CREATE payload for a message from `author`.
    pub fn user_message(&self, id: u64, author: u64, channel: u64, content: &str) -> Value {
        let mentions: Vec<Value> = mentioned(content, "<@").into_iter().map(user).collect();
        let roles: Vec<String> = mentioned(content, "<@&")
            .into_iter()
            .map(|r| r.to_string())
            .collect();
        let mut message = json!({
            "id": id.to_string(),
            "channel_id": channel.to_string(),
            "author": user(author),
            "content": content,
            "timestamp": TIMESTAMP,
            "edited_timestamp": null,
            "tts": false,
            "mention_everyone": content.contains("@everyone") || content.contains("@here"),
            "mentions": mentions,
            "mention_roles": roles,
            "attachments": [],
            "embeds": [],
            "pinned": false,
            "type": 0,
            "flags": 0,
            "components": [],
        });
        if let Some(guild) = guild_of(channel) {
            message["guild_id"] = json!(guild.to_string());
            message["member"] = partial_member(author);
        }
        message
    }

    /// Sends a slash command from `user` in `channel`; `options` as Discord sends them.
    pub fn slash(&self, from: u64, channel: u64, name: &str, options: Value) -> Interaction {
        let data = json!({"id": command_id(name).to_string(), "name": name, "type": 1, "options": options});
        self.interact(2, from, channel, data, None)
    }

    /// Sends an autocomplete request for `name`'s option `option`, typed so far as `partial`.
    pub fn autocomplete(
        &self,
        from: u64,
        channel: u64,
        name: &str,
        option: &str,
        partial: &str,
    ) -> Interaction {
        let options = json!([{"name": option, "type": 3, "value": partial, "focused": true}]);
        let data = json!({"id": command_id(name).to_string(), "name": name, "type": 1, "options": options});
        self.interact(4, from, channel, data, None)
    }

    /// Clicks the button `custom_id` of the bot's `message`.
    pub fn click(&self, from: u64, message: &Value, custom_id: &str) -> Interaction {
        let channel = message["channel_id"]
            .as_str()
            .and_then(|c| c.parse().ok())
            .unwrap_or(GENERAL);
        let data = json!({"custom_id": custom_id, "component_type": 2});
        self.interact(3, from, channel, data, Some(message.clone()))
    }

    fn interact(
        &self,
        kind: u8,
        from: u64,
        channel: u64,
        data: Value,
        message: Option<Value>,
    ) -> Interaction {
        let id = self.new_id();
        let token = format!("interaction-token-{id}");
        let interaction = Interaction { id, token };
        let payload = interaction_payload(kind, &interaction, from, channel, data, message);
        self.dispatch("INTERACTION_CREATE", payload, guild_of(channel));
        interaction
    }

    /// Sends a dispatch event to the session of the guild's shard (shard 0
    /// for DMs), or keeps it for the resume when the bot is away.
    pub fn dispatch(&self, event: &str, data: Value, guild: Option<u64>) {
        let mut state = self.inner.lock();
        let Some(session) = session_for(&mut state.sessions, guild) else {
            panic!("fake Discord: no gateway session to send {event} to");
        };
        push(session, event, data);
    }

    /// Cuts the gateway connection of `channel`'s shard as `how` says and,
    /// before the bot can be back, posts a message there: the message can
    /// only reach the bot through the resume's replay.
    pub fn say_while_away(&self, how: Interrupt, author: u64, channel: u64, content: &str) -> u64 {
        let id = self.new_id();
        let message = self.user_message(id, author, channel, content);
        let mut state = self.inner.lock();
        let Some(session) = session_for(&mut state.sessions, guild_of(channel)) else {
            panic!("fake Discord: no gateway session");
        };
        if let Some((_, conn)) = session.conn.take() {
            let _ = conn.send(how.control());
        }
        push(session, "MESSAGE_CREATE", message);
        id
    }

    /// Cuts the bot's gateway connection(s) as `how` says.
    pub fn interrupt(&self, how: Interrupt) {
        self.control(|| how.control());
    }

    /// Closes the bot's gateway connection(s) with a close frame of `code`.
    pub fn close_gateway(&self, code: u16) {
        self.control(|| Control::Close(code));
    }

    /// Drops the bot's gateway TCP connection(s) without a close frame.
    pub fn drop_gateway(&self) {
        self.control(|| Control::Drop);
    }

    /// Sends op 7 Reconnect on the bot's gateway connection(s).
    pub fn send_reconnect(&self) {
        self.control(|| Control::Send(json!({"op": 7, "d": null}).to_string()));
    }

    /// Sends op 9 Invalid Session (not resumable): the bot must identify again.
    pub fn invalidate_session(&self) {
        self.control(|| Control::Send(json!({"op": 9, "d": false}).to_string()));
    }

    fn control(&self, make: impl Fn() -> Control) {
        let state = self.inner.lock();
        for session in &state.sessions {
            if let Some((_, conn)) = &session.conn {
                let _ = conn.send(make());
            }
        }
    }

    /// True while some session has a live connection.
    pub fn connected(&self) -> bool {
        self.inner.lock().sessions.iter().any(|s| s.conn.is_some())
    }

    /// Waits for the bot's reply to message `id`.
    pub async fn reply_to(&self, id: u64, timeout: Duration) -> Option<Sent> {
        self.wait_until(timeout, |v| v.replies_to(id).into_iter().next())
            .await
    }

    /// Waits for what the user sees in answer to an interaction: the initial
    /// message, or what follows a deferral (follow-up or edited original).
    pub async fn interaction_reply(
        &self,
        interaction: &Interaction,
        timeout: Duration,
    ) -> Option<Sent> {
        self.wait_until(timeout, |v| v.interaction_reply(interaction))
            .await
    }

    /// A read-only view of the recorded state, for assertions.
    pub fn view<T>(&self, f: impl FnOnce(&FakeView<'_>) -> T) -> T {
        let state = self.inner.lock();
        f(&FakeView { state: &state })
    }
}

/// The recorded state, as seen by a test.
pub struct FakeView<'a> {
    state: &'a State,
}

impl FakeView<'_> {
    /// Every REST request.
    pub fn requests(&self) -> impl Iterator<Item = &Request> {
        self.state.requests.iter()
    }

    /// Every message the bot created in a channel, in order.
    pub fn messages(&self) -> Vec<Sent> {
        self.requests()
            .filter(|r| {
                r.method == "POST"
                    && r.path.starts_with("/api/v10/channels/")
                    && r.path.ends_with("/messages")
            })
            .map(sent_message)
            .collect()
    }

    /// The bot's replies to message `id`.
    pub fn replies_to(&self, id: u64) -> Vec<Sent> {
        let indexes = self
            .state
            .replies
            .get(&id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        indexes
            .iter()
            .map(|&i| sent_message(&self.state.requests[i]))
            .collect()
    }

    /// What the user sees in answer to an interaction, if anything yet.
    pub fn interaction_reply(&self, interaction: &Interaction) -> Option<Sent> {
        let callback = format!(
            "/api/v10/interactions/{}/{}/callback",
            interaction.id, interaction.token
        );
        let webhook = format!("/api/v10/webhooks/{BOT}/{}", interaction.token);
        let mut deferred_ephemeral = None;
        let mut seen = None;
        for r in self.requests() {
            if r.path == callback && r.method == "POST" {
                match r.body["type"].as_u64() {
                    Some(4) => seen = Some(sent(&r.body["data"], 0, Value::Null)),
                    Some(5) => {
                        deferred_ephemeral =
                            Some(r.body["data"]["flags"].as_u64().unwrap_or(0) & 64 != 0)
                    }
                    Some(8) => {
                        seen = Some(sent(
                            &json!({"content": r.body["data"].to_string()}),
                            0,
                            Value::Null,
                        ))
                    }
                    _ => {}
                }
            } else if r.path.starts_with(&webhook) && (r.method == "POST" || r.method == "PATCH") {
                let mut reply = sent(&r.body, 0, r.response.clone());
                reply.ephemeral |= deferred_ephemeral.unwrap_or(false);
                seen = Some(reply);
            }
        }
        seen
    }

    /// The autocomplete choices the bot answered with.
    pub fn autocomplete_choices(&self, interaction: &Interaction) -> Option<Vec<Value>> {
        let callback = format!(
            "/api/v10/interactions/{}/{}/callback",
            interaction.id, interaction.token
        );
        self.requests()
            .find(|r| r.path == callback && r.body["type"] == json!(8))
            .map(|r| {
                r.body["data"]["choices"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
    }
}

fn reference_of(body: &Value) -> Option<u64> {
    let id = &body["message_reference"]["message_id"];
    id.as_str()
        .and_then(|s| s.parse().ok())
        .or_else(|| id.as_u64())
}

/// A recorded create-message request as the message the bot sent; the
/// channel id is read from the path `/api/v10/channels/{id}/messages`.
fn sent_message(r: &Request) -> Sent {
    let channel = r
        .path
        .split('/')
        .nth(4)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    sent(&r.body, channel, r.response.clone())
}

fn sent(body: &Value, channel: u64, message: Value) -> Sent {
    Sent {
        content: body["content"].as_str().unwrap_or("").to_string(),
        ephemeral: body["flags"].as_u64().unwrap_or(0) & 64 != 0,
        allowed_mentions: body["allowed_mentions"].clone(),
        components: body["components"].clone(),
        reference: reference_of(body),
        channel,
        message,
    }
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn record_frame(&self, frame: GatewayFrame) {
        self.lock().frames.push(frame);
        self.changed.notify_waiters();
    }
}

fn session_for(sessions: &mut [Session], guild: Option<u64>) -> Option<&mut Session> {
    let wanted = |total: u64| guild.map_or(0, |g| (g >> 22) % total.max(1));
    sessions
        .iter_mut()
        .rev()
        .find(|s| s.shard[0] == wanted(s.shard[1]))
}

fn push(session: &mut Session, event: &str, data: Value) {
    session.seq += 1;
    let payload = json!({"op": 0, "t": event, "s": session.seq, "d": data}).to_string();
    session.log.push((session.seq, payload.clone()));
    if let Some((_, conn)) = &session.conn {
        let _ = conn.send(Control::Send(payload));
    }
}

/// The INTERACTION_CREATE payload.
pub fn interaction_payload(
    kind: u8,
    interaction: &Interaction,
    from: u64,
    channel: u64,
    data: Value,
    message: Option<Value>,
) -> Value {
    let guild = guild_of(channel);
    let mut payload = json!({
        "id": interaction.id.to_string(),
        "application_id": BOT.to_string(),
        "type": kind,
        "data": data,
        "channel_id": channel.to_string(),
        "channel": {"id": channel.to_string(), "type": if guild.is_some() { 0 } else { 1 }, "name": "general", "permissions": EVERYONE_PERMISSIONS.to_string()},
        "token": interaction.token,
        "version": 1,
        "app_permissions": EVERYONE_PERMISSIONS.to_string(),
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10_485_760,
        "authorizing_integration_owners": {"0": guild.unwrap_or(0).to_string()},
        "context": if guild.is_some() { 0 } else { 1 },
    });
    match guild {
        Some(guild) => {
            payload["guild_id"] = json!(guild.to_string());
            payload["guild_locale"] = json!("en-US");
            let mut member = member(from);
            member["permissions"] = json!(permissions_of(from).to_string());
            payload["member"] = member;
        }
        None => payload["user"] = user(from),
    }
    if let Some(message) = message {
        payload["message"] = message;
    }
    payload
}

/// The guild a channel belongs to.
pub fn guild_of(channel: u64) -> Option<u64> {
    match channel {
        3000..=3099 => Some(GUILD),
        3100..=3199 => Some(OTHER_GUILD),
        _ => None,
    }
}

fn command_id(name: &str) -> u64 {
    7_000 + name.bytes().map(u64::from).sum::<u64>()
}

/// Ids in `<@123>`, `<@!123>` (prefix `<@`) or `<@&123>` (prefix `<@&`) tags.
fn mentioned(content: &str, prefix: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for part in content.split(prefix).skip(1) {
        let part = if prefix == "<@" {
            part.trim_start_matches('!')
        } else {
            part
        };
        if prefix == "<@" && part.starts_with('&') {
            continue;
        }
        if let Some((id, _)) = part.split_once('>')
            && let Ok(id) = id.parse()
        {
            out.push(id);
        }
    }
    out
}

/// A user object.
pub fn user(id: u64) -> Value {
    let name = match id {
        BOT => "citebot".to_string(),
        OWNER => "owner".to_string(),
        ALICE => "alice".to_string(),
        HELPER => "helper".to_string(),
        OTHER_BOT => "otherbot".to_string(),
        other => format!("user{other}"),
    };
    json!({
        "id": id.to_string(),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": null,
        "bot": id == BOT || id == OTHER_BOT,
        "public_flags": 0,
    })
}

fn roles_of(id: u64) -> Vec<u64> {
    match id {
        OWNER => vec![ADMIN_ROLE],
        HELPER => vec![HELPER_ROLE],
        _ => vec![],
    }
}

fn permissions_of(id: u64) -> u64 {
    if roles_of(id).contains(&ADMIN_ROLE) {
        EVERYONE_PERMISSIONS | MANAGE_GUILD
    } else {
        EVERYONE_PERMISSIONS
    }
}

/// A guild member object.
pub fn member(id: u64) -> Value {
    json!({
        "user": user(id),
        "nick": null,
        "avatar": null,
        "roles": roles_of(id).iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": TIMESTAMP,
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
    })
}

/// A member object without `user`, as in MESSAGE_CREATE.
fn partial_member(id: u64) -> Value {
    let mut m = member(id);
    if let Some(object) = m.as_object_mut() {
        object.remove("user");
    }
    m
}

/// A role object.
pub fn role(id: u64, name: &str, permissions: u64, position: u64) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": false,
        "mentionable": true,
        "flags": 0,
    })
}

/// A guild text channel object.
pub fn channel(id: u64, guild: u64, name: &str, overwrites: Value) -> Value {
    json!({
        "id": id.to_string(),
        "type": 0,
        "guild_id": guild.to_string(),
        "name": name,
        "position": id % 100,
        "permission_overwrites": overwrites,
        "topic": null,
        "nsfw": false,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

/// The full guild object of GUILD_CREATE.
pub fn guild(id: u64) -> Value {
    let (channels, members) = if id == GUILD {
        let deny_send = json!([{"id": id.to_string(), "type": 0, "allow": "0", "deny": SEND_MESSAGES.to_string()}]);
        (
            vec![
                channel(GENERAL, id, "general", json!([])),
                channel(ANSWERS, id, "ask-the-article", json!([])),
                channel(READ_ONLY, id, "announcements", deny_send),
                channel(FORBIDDEN, id, "locked", json!([])),
                channel(BROKEN, id, "broken", json!([])),
            ],
            vec![member(BOT), member(OWNER), member(ALICE), member(HELPER)],
        )
    } else {
        (
            vec![channel(OTHER_CHANNEL, id, "general", json!([]))],
            vec![member(BOT), member(ALICE)],
        )
    };
    let base = json!({
        "id": id.to_string(),
        "name": if id == GUILD { "Test Server" } else { "Other Server" },
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": OWNER.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": [
            role(id, "@everyone", EVERYONE_PERMISSIONS, 0),
            role(ADMIN_ROLE, "Admins", MANAGE_GUILD, 3),
            role(HELPER_ROLE, "Helpers", 0, 2),
            role(MEMBERS_ROLE, "Members", 0, 1),
        ],
        "emojis": [],
        "features": [],
    });
    let more = json!({
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": null,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
        "joined_at": TIMESTAMP,
        "large": false,
        "unavailable": false,
        "member_count": members.len(),
        "voice_states": [],
        "members": members,
        "channels": channels,
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
    });
    let mut guild = base;
    if let (Some(object), Value::Object(more)) = (guild.as_object_mut(), more) {
        object.extend(more);
    }
    guild
}

/// The READY payload for a session on `shard`.
pub fn ready(session_id: &str, shard: [u64; 2], resume_url: &str) -> Value {
    let guilds: Vec<Value> = [GUILD, OTHER_GUILD]
        .iter()
        .filter(|g| (**g >> 22) % shard[1].max(1) == shard[0])
        .map(|g| json!({"id": g.to_string(), "unavailable": true}))
        .collect();
    json!({
        "v": 10,
        "user": user(BOT),
        "guilds": guilds,
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "shard": shard,
        "application": {"id": BOT.to_string(), "flags": 0},
        "private_channels": [],
        "presences": [],
        "relationships": [],
    })
}

/// The application object of `GET /oauth2/applications/@me`.
pub fn application() -> Value {
    json!({
        "id": BOT.to_string(),
        "name": "citebot",
        "icon": null,
        "description": "",
        "bot_public": true,
        "bot_require_code_grant": false,
        "owner": user(OWNER),
        "verify_key": "0000",
        "team": null,
        "flags": 0,
    })
}

/// A message object the bot created, built from the request body.
pub fn bot_message(id: u64, channel: u64, body: &Value, kind: u64) -> Value {
    let mut message = json!({
        "id": id.to_string(),
        "channel_id": channel.to_string(),
        "author": user(BOT),
        "content": body["content"].as_str().unwrap_or(""),
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": kind,
        "flags": body["flags"].as_u64().unwrap_or(0),
        "components": buttons_as_sent(&body["components"]),
    });
    if let Some(guild) = guild_of(channel) {
        message["guild_id"] = json!(guild.to_string());
    }
    if body["message_reference"].is_object() {
        let reference = &body["message_reference"];
        message["message_reference"] = json!({
            "message_id": reference["message_id"].clone(),
            "channel_id": channel.to_string(),
            "guild_id": guild_of(channel).map(|g| g.to_string()),
        });
        message["type"] = json!(19);
    }
    message
}

/// Components as Discord returns them (with `disabled`).
fn buttons_as_sent(components: &Value) -> Value {
    let rows = components.as_array().cloned().unwrap_or_default();
    let rows: Vec<Value> = rows
        .into_iter()
        .map(|mut row| {
            if let Some(items) = row["components"].as_array_mut() {
                for item in items {
                    if item.get("disabled").is_none() {
                        item["disabled"] = json!(false);
                    }
                }
            }
            row
        })
        .collect();
    json!(rows)
}

// --- REST ------------------------------------------------------------------

async fn serve_http(inner: Arc<Inner>, stream: TcpStream) {
    let _ = stream.set_nodelay(true);
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    loop {
        let mut line = String::new();
        match read.read_line(&mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let mut parts = line.split_whitespace();
        let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
            return;
        };
        let (method, target) = (method.to_string(), target.to_string());
        let mut length = 0usize;
        let mut chunked = false;
        loop {
            let mut header = String::new();
            match read.read_line(&mut header).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let name = name.trim().to_ascii_lowercase();
                if name == "content-length" {
                    length = value.trim().parse().unwrap_or(0);
                } else if name == "transfer-encoding"
                    && value.to_ascii_lowercase().contains("chunked")
                {
                    chunked = true;
                }
            }
        }
        let body = if chunked {
            read_chunked(&mut read).await
        } else {
            read_exact(&mut read, length).await
        };
        let Some(body) = body else { return };
        let body: Value = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&body).unwrap_or(Value::Null)
        };
        let (path, query) = target
            .split_once('?')
            .map_or((target.clone(), String::new()), |(p, q)| {
                (p.to_string(), q.to_string())
            });
        let (status, response) = route(&inner, &method, &path, &body);
        {
            let mut state = inner.lock();
            if method == "POST"
                && path.starts_with("/api/v10/channels/")
                && path.ends_with("/messages")
            {
                if status == 200 {
                    state.created += 1;
                }
                if let Some(replied) = reference_of(&body) {
                    let index = state.requests.len();
                    state.replies.entry(replied).or_default().push(index);
                }
            }
            state.requests.push(Request {
                method,
                path,
                query,
                body,
                status,
                response: response.clone(),
            });
        }
        inner.changed.notify_waiters();
        let reason = match status {
            200 => "OK",
            204 => "No Content",
            403 => "Forbidden",
            404 => "Not Found",
            _ => "Internal Server Error",
        };
        let text = if status == 204 {
            "HTTP/1.1 204 No Content\r\n\r\n".to_string()
        } else {
            let payload = response.to_string();
            format!(
                "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{payload}",
                payload.len()
            )
        };
        if write.write_all(text.as_bytes()).await.is_err() {
            return;
        }
    }
}

async fn read_exact(
    read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
    length: usize,
) -> Option<Vec<u8>> {
    let mut body = vec![0u8; length];
    read.read_exact(&mut body).await.ok()?;
    Some(body)
}

async fn read_chunked(read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size = String::new();
        read.read_line(&mut size).await.ok()?;
        let size = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
        let mut chunk = vec![0u8; size + 2];
        read.read_exact(&mut chunk).await.ok()?;
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(&chunk[..size]);
    }
}

fn route(inner: &Inner, method: &str, path: &str, body: &Value) -> (u16, Value) {
    let Some(rest) = path.strip_prefix("/api/v10") else {
        return not_found();
    };
    let parts: Vec<&str> = rest.trim_matches('/').split('/').collect();
    let id = || inner.next_id.fetch_add(1, Ordering::SeqCst);
    match (method, parts.as_slice()) {
        ("GET", ["gateway"]) => (200, json!({"url": inner.gateway_url.trim_end_matches('/')})),
        ("GET", ["gateway", "bot"]) => (
            200,
            json!({
                "url": inner.gateway_url.trim_end_matches('/'),
                "shards": inner.options.recommended_shards,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            }),
        ),
        ("GET", ["users", "@me"]) => (200, user(BOT)),
        ("GET", ["oauth2", "applications", "@me"]) => (200, application()),
        ("PUT", ["applications", _, "commands"]) => (200, registered(body, None)),
        ("PUT", ["applications", _, "guilds", guild, "commands"]) => {
            (200, registered(body, guild.parse().ok()))
        }
        ("POST", ["channels", channel, "messages"]) => {
            let channel: u64 = channel.parse().unwrap_or(0);
            let failure = inner.lock().failures.get(&channel).copied();
            match failure {
                Some(403) => (
                    403,
                    json!({"message": "Missing Permissions", "code": 50013}),
                ),
                Some(status) => (
                    status,
                    json!({"message": "500: Internal Server Error", "code": 0}),
                ),
                None => (200, bot_message(id(), channel, body, 0)),
            }
        }
        ("GET", ["channels", id_text]) => {
            let channel_id: u64 = id_text.parse().unwrap_or(0);
            match guild_of(channel_id) {
                Some(g) => (200, channel(channel_id, g, "general", json!([]))),
                None => (
                    200,
                    json!({"id": channel_id.to_string(), "type": 1, "recipients": [user(ALICE)]}),
                ),
            }
        }
        ("POST", ["interactions", _, _, "callback"]) => (204, Value::Null),
        ("GET" | "PATCH", ["webhooks", _, _, "messages", "@original"]) => {
            (200, bot_message(id(), GENERAL, body, 20))
        }
        ("POST", ["webhooks", _, _]) => (200, bot_message(id(), GENERAL, body, 20)),
        ("PATCH", ["webhooks", _, _, "messages", _]) => (200, bot_message(id(), GENERAL, body, 20)),
        ("DELETE", _) => (204, Value::Null),
        ("GET", ["guilds", guild_id]) => (200, guild(guild_id.parse().unwrap_or(GUILD))),
        ("GET", ["guilds", _, "roles"]) => (200, guild(GUILD)["roles"].clone()),
        ("GET", ["guilds", _, "members", member_id]) => {
            (200, member(member_id.parse().unwrap_or(ALICE)))
        }
        _ => not_found(),
    }
}

fn not_found() -> (u16, Value) {
    (404, json!({"message": "404: Not Found", "code": 0}))
}

fn registered(body: &Value, guild: Option<u64>) -> Value {
    let commands = body.as_array().cloned().unwrap_or_default();
    json!(
        commands
            .into_iter()
            .map(|mut c| {
                let name = c["name"].as_str().unwrap_or("").to_string();
                c["id"] = json!(command_id(&name).to_string());
                c["application_id"] = json!(BOT.to_string());
                c["version"] = json!("1");
                if c.get("type").is_none() {
                    c["type"] = json!(1);
                }
                if let Some(guild) = guild {
                    c["guild_id"] = json!(guild.to_string());
                }
                c
            })
            .collect::<Vec<_>>()
    )
}

// --- gateway ---------------------------------------------------------------

async fn serve_gateway(inner: Arc<Inner>, stream: TcpStream) {
    let _ = stream.set_nodelay(true);
    let Ok(ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (mut sink, mut source) = ws.split();
    let conn_id = inner.next_id.fetch_add(1, Ordering::SeqCst);
    let (tx, mut rx) = mpsc::unbounded_channel::<Control>();
    let hello = json!({"op": 10, "d": {"heartbeat_interval": inner.options.heartbeat_ms}});
    if sink.send(Frame::text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            frame = source.next() => match frame {
                Some(Ok(Frame::Text(text))) => {
                    let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                    match payload["op"].as_u64() {
                        Some(1) => {
                            inner.record_frame(GatewayFrame::Heartbeat);
                            if sink.send(Frame::text(json!({"op": 11}).to_string())).await.is_err() {
                                break;
                            }
                        }
                        Some(2) => identify(&inner, conn_id, &tx, payload["d"].clone()),
                        Some(6) => resume(&inner, conn_id, &tx, payload["d"].clone()),
                        _ => inner.record_frame(GatewayFrame::Other(payload)),
                    }
                }
                Some(Ok(Frame::Close(frame))) => {
                    inner.record_frame(GatewayFrame::Close(frame.map(|f| u16::from(f.code))));
                    let _ = sink.close().await;
                    break;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
            control = rx.recv() => match control {
                Some(Control::Send(text)) => {
                    if sink.send(Frame::text(text)).await.is_err() {
                        break;
                    }
                }
                Some(Control::Close(code)) => {
                    let frame = CloseFrame { code: CloseCode::from(code), reason: "closed by the fake".into() };
                    let _ = sink.send(Frame::Close(Some(frame))).await;
                    detach(&inner, conn_id);
                    // Wait briefly for the bot's answering close, then hang up.
                    let _ = tokio::time::timeout(Duration::from_millis(500), async {
                        while let Some(Ok(frame)) = source.next().await {
                            if matches!(frame, Frame::Close(_)) {
                                break;
                            }
                        }
                    })
                    .await;
                    break;
                }
                Some(Control::Drop) | None => break,
            },
        }
    }
    detach(&inner, conn_id);
}

fn detach(inner: &Inner, conn_id: u64) {
    let mut state = inner.lock();
    for session in &mut state.sessions {
        if session.conn.as_ref().is_some_and(|(id, _)| *id == conn_id) {
            session.conn = None;
        }
    }
    drop(state);
    inner.changed.notify_waiters();
}

fn identify(inner: &Inner, conn_id: u64, tx: &mpsc::UnboundedSender<Control>, d: Value) {
    if let Some(code) = inner.options.refuse_identify {
        inner.record_frame(GatewayFrame::Identify(d));
        let _ = tx.send(Control::Close(code));
        return;
    }
    let shard = match d["shard"].as_array() {
        Some(s) if s.len() == 2 => [s[0].as_u64().unwrap_or(0), s[1].as_u64().unwrap_or(1)],
        _ => [0, 1],
    };
    inner.record_frame(GatewayFrame::Identify(d));
    let session_id = format!("session-{}", inner.next_id.fetch_add(1, Ordering::SeqCst));
    let mut state = inner.lock();
    state.sessions.retain(|s| s.shard != shard);
    state.sessions.push(Session {
        id: session_id.clone(),
        shard,
        seq: 0,
        log: Vec::new(),
        conn: Some((conn_id, tx.clone())),
    });
    let Some(session) = state.sessions.last_mut() else {
        return;
    };
    push(
        session,
        "READY",
        ready(&session_id, shard, &inner.gateway_url),
    );
    for g in [GUILD, OTHER_GUILD] {
        if (g >> 22) % shard[1].max(1) == shard[0] {
            push(session, "GUILD_CREATE", guild(g));
        }
    }
    state.readies += 1;
    drop(state);
    inner.changed.notify_waiters();
}

fn resume(inner: &Inner, conn_id: u64, tx: &mpsc::UnboundedSender<Control>, d: Value) {
    inner.record_frame(GatewayFrame::Resume(d.clone()));
    let session_id = d["session_id"].as_str().unwrap_or("");
    let seq = d["seq"].as_u64().unwrap_or(0);
    let mut state = inner.lock();
    match state.sessions.iter_mut().find(|s| s.id == session_id) {
        Some(session) => {
            session.conn = Some((conn_id, tx.clone()));
            for (_, payload) in session.log.iter().filter(|(s, _)| *s > seq) {
                let _ = tx.send(Control::Send(payload.clone()));
            }
            push(session, "RESUMED", json!({}));
        }
        None => {
            let _ = tx.send(Control::Send(json!({"op": 9, "d": false}).to_string()));
        }
    }
    drop(state);
    inner.changed.notify_waiters();
}
