# SPDX-License-Identifier: ISC
#
# nginx.sh: nginx with the shipped site (etc/nginx/nodeboot.conf), its
# paths adapted, for the tests and the lab; source it after nb.sh.
#
#   nb_nginx TOP NS ADDR ROOT DIR
#	nginx in namespace NS listening on ADDR:80, serving ROOT, with the
#	site of the tree TOP; its configuration, pid file, error log and
#	access log (http.log) in DIR.  Returns when it answers; $NB_PID is
#	its master process.

nb_nginx() {
	_top=$1
	shift
	sed -e "s|^\([[:space:]]*listen[[:space:]]*\)80 |\1$2:80 |" \
	    -e "s|^\([[:space:]]*root[[:space:]]*\)/tftpboot;|\1$3;|" \
	    -e "s|/var/log/nginx/nodeboot.log|$4/http.log|" \
	    "$_top/etc/nginx/nodeboot.conf" > "$4/nodeboot.conf" ||
	    nb_fail "etc/nginx/nodeboot.conf"
	grep -q "root $3;" "$4/nodeboot.conf" &&
	    grep -q "listen $2:80 " "$4/nodeboot.conf" ||
	    nb_fail "etc/nginx/nodeboot.conf: no root or listen line to adapt"
	cat > "$4/nginx.conf" <<EOC
daemon off;
worker_processes 1;
pid $4/nginx.pid;
error_log $4/nginx.err;
events { worker_connections 1024; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	include $4/nodeboot.conf;
}
EOC
	: > "$4/http.log"
	nb_spawn "$1" nginx -c "$4/nginx.conf" -e "$4/nginx.err"
	_pid=$NB_PID
	nb_wait 10 ip netns exec "$1" curl -so /dev/null "http://$2/" ||
	    nb_fail "nginx did not start: $(tail -n 3 "$4/nginx.err")"
	NB_PID=$_pid
}
