# SPDX-License-Identifier: ISC
#
# nginx.sh: nginx with the shipped sites (etc/nginx/), paths adapted, for
# the tests and the lab; source it after nb.sh.  Each instance keeps its
# configuration, pid file, error log (nginx.err) and access log
# (http.log) in a directory of its own.
#
#   nb_nginx TOP NS ADDR ROOT DIR
#	the boot server's site (nodeboot.conf) of the tree TOP, in
#	namespace NS, on ADDR:80, serving ROOT
#   nb_nginx_rack TOP NS ADDR UPSTREAM DIR
#	a rack helper's site (nodeboot-rack.conf): a cache (in DIR/cache)
#	of the boot server at UPSTREAM, on ADDR:80
#
# Both return when nginx answers; $NB_PID is its master process.

nb_nginx() {
	nb_nginx_site "$1/etc/nginx/nodeboot.conf" "$3" "$5" \
	    -e "s|^\([[:space:]]*root[[:space:]]*\)/tftpboot;|\1$4;|"
	grep -q "root $4;" "$5/site.conf" ||
	    nb_fail "etc/nginx/nodeboot.conf: no root line to adapt"
	nb_nginx_run "$1" "$2" "$3" "$5"
}

nb_nginx_rack() {
	mkdir -p "$5/cache" || nb_fail "mkdir $5/cache"
	nb_nginx_site "$1/etc/nginx/nodeboot-rack.conf" "$3" "$5" \
	    -e "s|http://192.0.2.1;|http://$4;|" \
	    -e "s|/var/cache/nginx/nodeboot|$5/cache|"
	grep -q "proxy_pass http://$4;" "$5/site.conf" ||
	    nb_fail "etc/nginx/nodeboot-rack.conf: no proxy_pass to adapt"
	nb_nginx_run "$1" "$2" "$3" "$5"
}

# nb_nginx_site FILE ADDR DIR SED-ARGS...: FILE, listening on ADDR and
# logging to DIR/http.log, into DIR/site.conf.
nb_nginx_site() {
	_f=$1 _a=$2 _d=$3
	shift 3
	sed -e "s|^\([[:space:]]*listen[[:space:]]*\)80 |\1$_a:80 |" \
	    -e "s|/var/log/nginx/nodeboot.log|$_d/http.log|" "$@" "$_f" \
	    > "$_d/site.conf" || nb_fail "$_f"
	grep -q "listen $_a:80 " "$_d/site.conf" ||
	    nb_fail "$_f: no listen line to adapt"
}

nb_nginx_run() {
	cat > "$4/nginx.conf" <<EOC
daemon off;
worker_processes 1;
pid $4/nginx.pid;
error_log $4/nginx.err;
events { worker_connections 1024; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	include $1/etc/nginx/nodeboot-log.conf;
	include $4/site.conf;
}
EOC
	: > "$4/http.log"
	nb_spawn "$2" nginx -c "$4/nginx.conf" -e "$4/nginx.err"
	_pid=$NB_PID
	nb_wait 10 ip netns exec "$2" curl -so /dev/null "http://$3/" ||
	    nb_fail "nginx did not start: $(tail -n 3 "$4/nginx.err")"
	NB_PID=$_pid
}
