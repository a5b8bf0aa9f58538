/* SPDX-License-Identifier: ISC */
/*
 * PXE policy (RFC 4578, PXE 2.1, UEFI HTTP boot, iPXE): what a request
 * says about its client -- a PXE or HTTP boot ROM by option 60, its
 * architecture by option 93, its UUID (option 97, echoed back), iPXE by
 * option 77 ("iPXE" raw or in RFC 3004 form) or option 175 -- and the
 * PXE parts of a reply: option 43 from the config's vendor-option-space.
 * The boot file itself is the config's (classes match on option 93).
 */
#ifndef DHCP_PXE_H
#define DHCP_PXE_H

#include "dhcpconf/dhcpconf.h"
#include "dhcpd-pxe/dhcp_msg.h"

/* RFC 4578 §2.1 / IANA processor architecture types. */
enum {
	PXE_ARCH_BIOS = 0, PXE_ARCH_EFI_IA32 = 6, PXE_ARCH_EFI_X64 = 7,
	PXE_ARCH_EFI_BC = 9, PXE_ARCH_EFI_ARM64 = 0x0b,
	PXE_ARCH_EFI_X64_HTTP = 0x10
};

struct dhcp_client {
	bool		 pxe;		/* option 60 starts "PXEClient" */
	bool		 http;		/* option 60 starts "HTTPClient" */
	bool		 ipxe;
	bool		 has_arch;
	uint16_t	 arch;
	const uint8_t	*uuid;		/* option 97 value, or NULL */
	size_t		 uuidlen;
	uint8_t		 user_class[DC_OPT_MAX];	/* option 77, flat */
	size_t		 user_class_len;
	bool		 has_user_class;
	const struct dhcp_msg *msg;
};

void	dhcp_pxe_classify(const struct dhcp_msg *, struct dhcp_client *);
/* "BIOS", "EFI x64", ... for logs. */
const char *dhcp_pxe_arch_name(uint16_t arch);
/*
 * The client's DHCP option `code' for expressions (the dc_env opt
 * callback; arg is the struct dhcp_client).  Option 77 in RFC 3004 form
 * with one class is given flat, so `option user-class = "iPXE"' matches
 * both forms iPXE sends.
 */
const uint8_t *dhcp_pxe_opt(void *arg, int space, uint8_t code,
	    size_t *len);
/*
 * Option 43 from the chain's vendor-option-space: each option of that
 * space as a sub-option, then END.  Returns the length (0: none set).
 */
size_t	dhcp_pxe_vendor(const struct dhcpconf *, const struct dc_chain *,
	    const struct dc_env *, uint8_t *buf, size_t cap);

#endif
