import "server-only";
import nodemailer from "nodemailer";
import { readEnv, type Env } from "@/lib/env";

// The convocations' e-mails, through the SMTP server the environment names
// (SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, SMTP_FROM).

export type MailerConfig = { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };

/** The SMTP server configured, or null: the clerk then records the sending by hand. */
export function mailerFromEnv(source: Env = readEnv()): MailerConfig | null {
  if (!source.SMTP_HOST) return null;
  if (!source.SMTP_FROM) throw new Error("SMTP_FROM doit être défini avec SMTP_HOST (l'expéditeur des convocations, par exemple « Mairie <assemblees@mairie.fr> »).");
  return {
    host: source.SMTP_HOST,
    port: source.SMTP_PORT,
    secure: source.SMTP_SECURE === "1",
    user: source.SMTP_USER,
    password: source.SMTP_PASSWORD,
    from: source.SMTP_FROM,
  };
}

export type ConvocationMail = { to: string; subject: string; text: string; attachment: { fileName: string; content: Uint8Array } };

export type Mailer = { send: (mail: ConvocationMail) => Promise<{ messageId: string; sentAt: Date }>; close: () => void };

/** One connection for a round of convocations. */
export function openMailer(config: MailerConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    pool: true,
    maxConnections: 1,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: [{ filename: mail.attachment.fileName, content: Buffer.from(mail.attachment.content), contentType: "application/pdf" }],
      });
      return { messageId: info.messageId, sentAt: new Date() };
    },
    close: () => transport.close(),
  };
}
