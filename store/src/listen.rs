//! `LISTEN` on a dedicated connection: how one replica hears what another did.

use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::mpsc;
use tokio_postgres::{AsyncMessage, Connection, NoTls};

use super::Store;
use crate::error::Result;

/// One notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// The channel it was sent on.
    pub channel: String,
    /// Its payload.
    pub payload: String,
}

impl Store {
    /// Opens a connection of its own (not from the pool: `LISTEN` belongs to a session) and
    /// listens on `channels`. The receiver ends when the connection breaks; the caller reconnects.
    pub async fn listen(&self, channels: &[&str]) -> Result<mpsc::Receiver<Notification>> {
        let (sender, receiver) = mpsc::channel(1024);
        // The connection must be polled for the LISTEN statements below to complete. `forward`
        // holds the only sender, so the receiver ends as soon as the connection does.
        let (client, forwarding) = match &self.tls {
            Some(tls) => {
                let (client, connection) = self.config.connect(tls.clone()).await?;
                (client, tokio::spawn(forward(connection, sender)))
            }
            None => {
                let (client, connection) = self.config.connect(NoTls).await?;
                (client, tokio::spawn(forward(connection, sender)))
            }
        };
        for channel in channels {
            // Channel names are our constants, not input; quote them anyway.
            client
                .batch_execute(&format!("LISTEN \"{}\"", channel.replace('"', "")))
                .await?;
        }
        // The session lives as long as the forwarding does (until the connection breaks or the
        // receiver goes): dropping the client earlier would end it.
        tokio::spawn(async move {
            let _ = forwarding.await;
            drop(client);
        });
        Ok(receiver)
    }
}

/// Polls the connection, sending its notifications to `sender` until either side closes.
async fn forward<S, T>(mut connection: Connection<S, T>, sender: mpsc::Sender<Notification>)
where
    S: AsyncRead + AsyncWrite + Unpin,
    T: AsyncRead + AsyncWrite + Unpin,
{
    let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
    loop {
        let message = tokio::select! {
            message = messages.next() => message,
            // Nobody listens any more: end the session.
            () = sender.closed() => return,
        };
        let Some(message) = message else {
            tracing::warn!("notification connection closed");
            return;
        };
        match message {
            Ok(AsyncMessage::Notification(n)) => {
                let notification = Notification {
                    channel: n.channel().to_string(),
                    payload: n.payload().to_string(),
                };
                if sender.send(notification).await.is_err() {
                    return;
                }
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "notification connection failed");
                return;
            }
        }
    }
}
