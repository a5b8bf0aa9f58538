// SPDX-License-Identifier: ISC
/*
 * PXE policy: client classification and option 43.  iPXE waits ~3 s for a
 * proxyDHCP answer unless the reply echoes option 60 "PXEClient"; the
 * reply module does that from the `pxe' flag set here.
 */
#include <string.h>

#include "dhcpd-pxe/dhcp_pxe.h"

static bool
dhcp_prefix(const uint8_t *v, size_t len, const char *s)
{
	size_t n = strlen(s);

	return v != NULL && len >= n && memcmp(v, s, n) == 0;
}

/* RFC 3004: [len][class]...; flatten when it holds exactly one class. */
static void
dhcp_user_class(const uint8_t *v, size_t len, struct dhcp_client *cl)
{
	memcpy(cl->user_class, v, len);
	cl->user_class_len = len;
	if (len >= 2 && v[0] == len - 1) {
		memmove(cl->user_class, v + 1, len - 1);
		cl->user_class_len = len - 1;
	}
	cl->has_user_class = true;
}

void
dhcp_pxe_classify(const struct dhcp_msg *m, struct dhcp_client *cl)
{
	const uint8_t *v;
	size_t len;

	memset(cl, 0, sizeof(*cl));
	cl->msg = m;
	v = dhcp_opt_get(m, DHO_VENDOR_CLASS, 1, &len);
	cl->pxe = dhcp_prefix(v, len, "PXEClient");
	cl->http = dhcp_prefix(v, len, "HTTPClient");
	/* An array of 16-bit types (RFC 4578 §2.1); the first is used. */
	if ((v = dhcp_opt_get(m, DHO_PXE_ARCH, 2, &len)) != NULL &&
	    len % 2 == 0) {
		cl->has_arch = true;
		cl->arch = (uint16_t)(v[0] << 8 | v[1]);
	}
	/* 17 bytes: type 0 + 16-byte GUID (RFC 4578 §2.3). */
	cl->uuid = dhcp_opt_get(m, DHO_PXE_UUID, 17, &cl->uuidlen);
	if (cl->uuid != NULL && cl->uuidlen != 17)
		cl->uuid = NULL;
	if ((v = dhcp_opt_get(m, DHO_USER_CLASS, 1, &len)) != NULL &&
	    len <= sizeof(cl->user_class))
		dhcp_user_class(v, len, cl);
	cl->ipxe = m->has[DHO_IPXE] || (cl->has_user_class &&
	    cl->user_class_len == 4 && memcmp(cl->user_class, "iPXE", 4) == 0);
}

const char *
dhcp_pxe_arch_name(uint16_t arch)
{
	switch (arch) {
	case PXE_ARCH_BIOS: return "BIOS";
	case PXE_ARCH_EFI_IA32: return "EFI IA32";
	case PXE_ARCH_EFI_X64: return "EFI x64";
	case PXE_ARCH_EFI_BC: return "EFI BC";
	case PXE_ARCH_EFI_ARM64: return "EFI ARM64";
	case PXE_ARCH_EFI_X64_HTTP: return "EFI x64 HTTP";
	default: return "other";
	}
}

const uint8_t *
dhcp_pxe_opt(void *arg, int space, uint8_t code, size_t *len)
{
	const struct dhcp_client *cl = arg;

	if (space != DC_SPACE_DHCP)
		return NULL;
	if (code == DHO_USER_CLASS) {
		*len = cl->user_class_len;
		return cl->has_user_class ? cl->user_class : NULL;
	}
	return dhcp_opt_get(cl->msg, code, 0, len);
}

size_t
dhcp_pxe_vendor(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_env *env, uint8_t *buf, size_t cap)
{
	size_t n;
	int space;

	if ((space = dhcpconf_vendor_space(c, ch)) <= DC_SPACE_DHCP ||
	    cap < 2 || (n = dhcpconf_encapsulate(c, ch, env, space, buf,
	    cap - 1)) == 0)
		return 0;
	buf[n++] = DHO_END;
	return n;
}
