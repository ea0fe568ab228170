# tunebook: Jupyter Notebook with the Go kernel, the tutorials and example
# notebooks, and ECharts inlined so that charts draw without internet access.
#
#   docker build -t tunebook .
#   docker run --rm -p 8888:8888 tunebook

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/tunebook ./cmd/tunebook

FROM node:20-bookworm-slim AS js
WORKDIR /js
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM debian:bookworm-slim
COPY --from=build /out/tunebook /usr/local/bin/tunebook
COPY --from=js /js/node_modules/echarts/dist/echarts.min.js /usr/local/share/tunebook/echarts.min.js
COPY scripts/install-jupyter.sh /tmp/install-jupyter.sh
RUN bash /tmp/install-jupyter.sh /usr/local/bin/tunebook /usr/local \
	&& rm -rf /var/lib/apt/lists/* /tmp/install-jupyter.sh \
	&& useradd --create-home --shell /bin/bash analyst
ENV TUNEBOOK_ECHARTS_JS=/usr/local/share/tunebook/echarts.min.js
USER analyst
WORKDIR /home/analyst
COPY --chown=analyst notebooks ./notebooks
COPY --chown=analyst tutorials ./tutorials
COPY --chown=analyst datasets ./datasets
EXPOSE 8888
CMD ["jupyter", "notebook", "--ip=0.0.0.0", "--port=8888", "--no-browser"]
