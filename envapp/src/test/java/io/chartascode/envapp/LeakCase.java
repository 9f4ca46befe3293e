package io.chartascode.envapp;

import java.util.List;
import java.util.Map;

/**
 * Test data: a realistic environment for one name family or value shape, the secrets in it that
 * must not reach the body, and the parts around them that must, because debugging needs them.
 */
record LeakCase(String label, Map<String, String> env, List<String> secrets, List<String> kept) {

  @Override
  public String toString() {
    return label;
  }

  /** One environment per family and shape; every secret is unique, so a substring is a leak. */
  static final List<LeakCase> ALL =
      List.of(
          // --- by name: the whole value goes ---
          new LeakCase(
              "password family",
              Map.of(
                  "DB_PASS", "pw456-plain",
                  "MYSQL_PWD", "mysql-pwd-77",
                  "RABBITMQ_DEFAULT_PASS", "rabbit-pass-31",
                  "GPG_PASSPHRASE", "correct horse battery",
                  "PWD", "/srv/app"),
              List.of("pw456-plain", "mysql-pwd-77", "rabbit-pass-31", "correct horse battery"),
              List.of("/srv/app")),
          new LeakCase(
              "token family",
              Map.of("GITHUB_TOKEN", "gho-token-1", "accessToken", "access-tok-2"),
              List.of("gho-token-1", "access-tok-2"),
              List.of()),
          new LeakCase(
              "secret family",
              Map.of("CLIENT_SECRET", "client-sec-3", "rails-secret-key-base", "rails-kb-4"),
              List.of("client-sec-3", "rails-kb-4"),
              List.of()),
          new LeakCase(
              "key family",
              Map.of("STRIPE_API_KEY", "stripe-key-5", "apiKey", "api-key-6"),
              List.of("stripe-key-5", "api-key-6"),
              List.of()),
          new LeakCase(
              "credential family",
              Map.of("GOOGLE_APPLICATION_CREDENTIALS_JSON", "{\"private_key_id\":\"gcp-7\"}"),
              List.of("gcp-7"),
              List.of()),
          new LeakCase(
              "auth family",
              Map.of("BASIC_AUTH", "admin:basic-8", "HTTP_AUTHORIZATION", "Bearer bearer-9"),
              List.of("basic-8", "bearer-9"),
              List.of()),
          new LeakCase(
              "cookie family",
              Map.of("SESSION_COOKIE", "sid=cookie-10"),
              List.of("cookie-10"),
              List.of()),
          new LeakCase(
              "session family",
              Map.of("FLASK_SESSION", "flask-sess-11", "SESSION_TIMEOUT", "45m"),
              List.of("flask-sess-11"),
              List.of("45m")),
          new LeakCase(
              "signature family",
              Map.of("WEBHOOK_SIG", "hmac-sig-12", "REQUEST_SIGNATURE", "req-sig-13"),
              List.of("hmac-sig-12", "req-sig-13"),
              List.of()),
          new LeakCase(
              "private family",
              Map.of("SSH_PRIVATE", "ssh-priv-14"),
              List.of("ssh-priv-14"),
              List.of()),
          new LeakCase(
              "dsn family",
              Map.of("SENTRY_DSN", "https://dsnkey15@o1.ingest.sentry.io/15"),
              List.of("dsnkey15"),
              List.of()),
          new LeakCase(
              "webhook family",
              Map.of("DEPLOY_WEBHOOK", "https://ci.example.com/trigger/wh-16"),
              List.of("wh-16"),
              List.of()),
          new LeakCase(
              "connection string family",
              Map.of("ConnectionStrings__Default", "Server=db;User=u;Pass=cs-17"),
              List.of("cs-17"),
              List.of()),
          // --- by shape, under names that say nothing: only the secret part goes ---
          new LeakCase(
              "URL user-info password",
              Map.of("REDIS_URL", "redis://:redis-pw-18@cache:6379/0"),
              List.of("redis-pw-18"),
              List.of("redis://:", "@cache:6379/0")),
          new LeakCase(
              "URL password with an escaped @",
              Map.of("MONGO_URL", "mongodb+srv://app:p%40ss%2Fw0rd-19@cluster0.example.net/app"),
              List.of("p@ss/w0rd-19"),
              List.of("mongodb+srv://app:", "@cluster0.example.net/app")),
          new LeakCase(
              "DSN with a key as its user",
              Map.of("ERROR_REPORTING", "https://abc123pub@o1.ingest.sentry.io/1"),
              List.of("abc123pub"),
              List.of("@o1.ingest.sentry.io/1")),
          new LeakCase(
              "JDBC query password",
              Map.of("JDBC_URL", "jdbc:postgresql://h:5432/db?user=u&password=jdbcpw-20&ssl=true"),
              List.of("jdbcpw-20"),
              List.of("jdbc:postgresql://h:5432/db?user=u&password=", "&ssl=true")),
          new LeakCase(
              "Azure connection string",
              Map.of(
                  "STORAGE",
                  "DefaultEndpointsProtocol=https;AccountName=acct;"
                      + "AccountKey=YXp1cmUta2V5LTIx+/AB==;EndpointSuffix=core.windows.net"),
              List.of("YXp1cmUta2V5LTIx+/AB=="),
              List.of("AccountName=acct;", "EndpointSuffix=core.windows.net")),
          new LeakCase(
              "SAS signature",
              Map.of(
                  "BLOB_URL",
                  "https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=sas%2Bsig%3D22"),
              List.of("sas+sig=22"),
              List.of("https://acct.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=")),
          new LeakCase(
              "ODBC and libpq attributes",
              Map.of(
                  "MSSQL", "Server=tcp:db,1433;Database=app;UID=sa;PWD=odbc;pw,23;",
                  "LIBPQ", "host=pg port=5432 dbname=app password=libpq-24 sslmode=require"),
              List.of("odbc;pw,23", "libpq-24"),
              List.of("Server=tcp:db,1433;Database=app;UID=sa;", "host=pg port=5432 dbname=app")),
          new LeakCase(
              "JAAS config",
              Map.of(
                  "KAFKA_SASL_JAAS",
                  "org.apache.kafka.common.security.plain.PlainLoginModule required"
                      + " username=\"svc\" password=\"jaas \\\"pw\\\" 25\";"),
              List.of("jaas \\\"pw\\\" 25", "jaas \"pw\" 25"),
              List.of("username=\"svc\"")),
          new LeakCase(
              "JSON settings",
              Map.of(
                  "SPRING_APPLICATION_JSON",
                  "{\"spring\":{\"datasource\":{\"url\":\"jdbc:h2:mem\",\"password\":\"json-26\"}}}"),
              List.of("json-26"),
              List.of("jdbc:h2:mem")),
          new LeakCase(
              "Slack and Discord webhooks",
              Map.of(
                  "ALERTS", "https://hooks.slack.com/services/T0AAA/B0BBB/slackSecret27",
                  "CHAT", "https://discord.com/api/webhooks/12345/discord-28_tok"),
              List.of("slackSecret27", "discord-28_tok"),
              List.of("https://hooks.slack.com/services/", "https://discord.com/api/webhooks/")),
          new LeakCase(
              "Teams webhook and Telegram bot",
              Map.of(
                  "TEAMS", "https://acme.webhook.office.com/webhookb2/g@t/IncomingWebhook/teams29/x",
                  "TELEGRAM", "https://api.telegram.org/bot12345:tg-token-30/sendMessage"),
              List.of("teams29", "tg-token-30"),
              List.of("https://acme.webhook.office.com/webhookb2/", "/sendMessage")),
          new LeakCase(
              "JWT",
              Map.of(
                  "UPSTREAM_HEADER",
                  "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqd3QtMzEifQ.c2lnbmF0dXJlLTMx"),
              List.of("eyJzdWIiOiJqd3QtMzEifQ", "c2lnbmF0dXJlLTMx"),
              List.of("Bearer ")),
          new LeakCase(
              "PEM block",
              Map.of(
                  "TLS_PEM",
                  "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIpem32body\nAwEHoUQDQgAE\n"
                      + "-----END EC PRIVATE KEY-----\n"),
              List.of("MHcCAQEEIpem32body", "AwEHoUQDQgAE"),
              List.of("-----BEGIN EC PRIVATE KEY-----")),
          new LeakCase(
              "high-entropy token",
              Map.of("UPSTREAM", "aws wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE33 us-east-1"),
              List.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE33"),
              List.of("us-east-1")),
          // --- what the deployment knows: secret-backed names, whatever they look like ---
          new LeakCase(
              "secret-backed (ENVAPP_SECRET_ENV)",
              Map.of("GREETING", "plain-looking-34", "ENVAPP_SECRET_ENV", "GREETING"),
              List.of("plain-looking-34"),
              List.of("GREETING")));
}
