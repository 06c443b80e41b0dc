# courier in a container: one static binary FROM scratch, run as a non-root
# user, with CA certificates for HTTPS and a writable /tmp as HOME.
#
#   docker build --build-arg VERSION="$(git describe --tags --always)" \
#                --build-arg COMMIT="$(git rev-parse HEAD)" -t courier .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" courier \
#       run collection.json -e environment.json -r cli,junit --reporter-junit-export results.xml
#
# .ci/release-snapshot runs the same static binary as uid 65532 in an empty
# root (what this image holds) to check it needs nothing else.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X github.com/courier-run/courier/internal/buildinfo.version=${VERSION} -X github.com/courier-run/courier/internal/buildinfo.commit=${COMMIT}" \
      -o /out/courier ./cmd/courier \
 && mkdir -p /out/tmp /out/work && chmod 1777 /out/tmp

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/tmp /tmp
COPY --from=build --chown=65532:65532 /out/work /work
COPY --from=build /out/courier /courier
USER 65532:65532
ENV HOME=/tmp
WORKDIR /work
ENTRYPOINT ["/courier"]
