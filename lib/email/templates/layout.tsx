import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { site } from "@/lib/site";

// The frame every app email shares: preview line, heading, body, one call to action, footer. Inline
// styles only (what mail clients keep).

const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "-apple-system, Segoe UI, Helvetica, Arial, sans-serif" },
  container: {
    backgroundColor: "#ffffff",
    borderRadius: "12px",
    margin: "32px auto",
    padding: "32px",
    maxWidth: "520px",
  },
  heading: { color: "#18181b", fontSize: "22px", fontWeight: 600, margin: "0 0 16px" },
  button: {
    backgroundColor: "#4f46e5",
    borderRadius: "8px",
    color: "#ffffff",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  footer: { color: "#71717a", fontSize: "12px", lineHeight: "18px" },
};

export const paragraph = { color: "#3f3f46", fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" };

export function EmailLayout({
  preview,
  heading,
  action,
  footer,
  children,
}: {
  preview: string;
  heading: string;
  action?: { label: string; url: string };
  footer?: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading style={styles.heading}>{heading}</Heading>
          {children}
          {action && (
            <Section style={{ margin: "24px 0" }}>
              <Button href={action.url} style={styles.button}>
                {action.label}
              </Button>
            </Section>
          )}
          <Hr style={{ borderColor: "#e4e4e7", margin: "24px 0 16px" }} />
          <Text style={styles.footer}>
            {footer ?? `You receive this email because you have an account at ${site.name}.`} CREEM, our
            payment provider, sends your receipts and invoices.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
