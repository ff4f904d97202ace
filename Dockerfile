# Build a static mineralbot binary, then ship it alone on a distroless, non-root base.
# The knowledge base is embedded, so the image needs nothing beside the binary; it runs with a
# read-only root filesystem. State (digest subscriptions) lives in the /data volume.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -buildvcs=auto -trimpath -ldflags="-s -w" -o /out/mineralbot ./cmd/mineralbot \
 && /out/mineralbot kb check \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/mineralbot /usr/local/bin/mineralbot
# The state directory, owned by the nonroot user so that a fresh named volume is writable.
COPY --from=build --chown=65532:65532 /out/data /data
VOLUME /data
USER nonroot:nonroot
ENV MINERALBOT_HTTP_ADDR=:8080 MINERALBOT_DATA_DIR=/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["/usr/local/bin/mineralbot", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/mineralbot"]
CMD ["run"]
