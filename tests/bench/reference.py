"""The reference (TF-A + OP-TEE, tests/bench/build-reference.sh) booted like our firmware.

QEMU with -bios offers -kernel, -initrd and -append only through fw_cfg, for a boot loader to
fetch; our boot stage does that, TF-A does not. So the reference gets the same files another way:
QEMU's generic loader puts the kernel Image at the address TF-A was built to enter
(PRELOADED_BL33_BASE) and the initramfs above it, and the device tree QEMU generates for this
very machine (dumped with -bios REF_FIRMWARE) gets the command line and the initramfs location in
/chosen; QEMU places it at the base of RAM, where TF-A and OP-TEE read it and OP-TEE adds its node.

The benchmark TA is built once more against OP-TEE's dev kit (signed with OP-TEE's key) and
appended to our initramfs as a second cpio archive: Linux unpacks concatenated archives in order,
so the reference's /lib/optee_armtz holds that build and everything else is our initramfs. For
the PKCS#11 figures OP-TEE's own pkcs11 TA goes in the same way, in place of ours.
"""
import os
import shutil
import subprocess
import tempfile

# Where the reference expects the kernel (build-reference.sh REF_KERNEL_ADDR: above OP-TEE's
# static shared memory at 0x42000000) and where the initramfs goes (past the kernel's image_size).
KERNEL_ADDR = int(os.environ.get("REF_KERNEL_ADDR", "0x44000000"), 16)
INITRD_ADDR = int(os.environ.get("REF_INITRD_ADDR", "0x48000000"), 16)
BENCH_TA_DIR = "ta/rampart_bench"
# OP-TEE's pkcs11 TA (and Rampart's token TA, which has its UUID and interface).
PKCS11_TA_UUID = "fd02c9da-306c-48c7-a49c-bbd827ae86ee"


class ReferenceError(Exception):
    pass


def image_size(kernel):
    """The memory an arm64 Image occupies: image_size in its header (Linux's
    Documentation/arm64/booting.rst), or the file size if the header has none."""
    with open(kernel, "rb") as f:
        head = f.read(64)
    size = int.from_bytes(head[16:24], "little") if head[56:60] == b"ARM\x64" else 0
    return size or os.path.getsize(kernel)


def _run(cmd, **kw):
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    if res.returncode:
        raise ReferenceError("%s failed:\n%s" % (" ".join(cmd[:3]), res.stdout[-2000:]))
    return res.stdout


def ta_binary(top):
    with open(os.path.join(top, BENCH_TA_DIR, "Makefile")) as f:
        for line in f:
            if line.startswith("BINARY"):
                return line.split("=", 1)[1].strip()
    raise ReferenceError("no BINARY in %s/Makefile" % BENCH_TA_DIR)


class Reference:
    def __init__(self, top, firmware, dev_kit, workdir, machine):
        self.top, self.firmware, self.dev_kit = top, firmware, dev_kit
        self.work, self.machine = os.path.abspath(workdir), machine
        if not os.path.isfile(firmware):
            raise ReferenceError("REF_FIRMWARE %s: no such file" % firmware)
        if not os.path.isfile(os.path.join(dev_kit, "mk", "ta_dev_kit.mk")):
            raise ReferenceError("REF_TA_DEV_KIT %s: not OP-TEE's export-ta_arm64 (set "
                                 "REF_TA_DEV_KIT; build-reference.sh leaves it in "
                                 "WORKDIR/optee/export-ta_arm64)" % dev_kit)
        os.makedirs(workdir, exist_ok=True)
        self._dtbs = {}

    def build_ta(self):
        """The benchmark TA from the same sources, against OP-TEE's dev kit: its .ta path."""
        out = os.path.join(self.work, "ta-obj")
        env = dict(os.environ)
        # OP-TEE's signing script needs pyelftools and cryptography: Debian's Python has both.
        if os.path.exists("/usr/bin/python3"):
            env["PYTHON3"] = "/usr/bin/python3"
        _run(["make", "-s", "-C", os.path.join(self.top, BENCH_TA_DIR), "O=" + out,
              "TA_DEV_KIT_DIR=" + self.dev_kit, "CROSS_COMPILE=aarch64-linux-gnu-",
              "PYTHON3=" + env.get("PYTHON3", "python3")], env=env)
        ta = os.path.join(out, ta_binary(self.top) + ".ta")
        if not os.path.isfile(ta):
            raise ReferenceError("the benchmark TA build made no %s" % ta)
        return ta

    def pkcs11_ta(self):
        """OP-TEE's own pkcs11 TA, as build-reference.sh's tree has it (signed with OP-TEE's
        key), or None."""
        path = os.path.join(os.path.dirname(self.firmware), "optee", "ta", "pkcs11",
                            PKCS11_TA_UUID + ".ta")
        return path if os.path.isfile(path) else None

    def initramfs(self, ours, name="initramfs.cpio.gz", extra_tas=()):
        """Our initramfs with the reference's benchmark TA and extra_tas appended (gzip'd cpio: a
        compressed archive may start at any offset, a plain one only at a multiple of 4), as
        work/name. A TA of the same UUID as one of ours replaces it (the later archive wins)."""
        tas = [self.build_ta()] + list(extra_tas)
        stage = tempfile.mkdtemp(dir=self.work)
        try:
            dest = os.path.join(stage, "lib", "optee_armtz")
            os.makedirs(dest)
            names = "lib\nlib/optee_armtz\n"
            for ta in tas:
                shutil.copy(ta, dest)
                os.chmod(os.path.join(dest, os.path.basename(ta)), 0o444)
                names += "lib/optee_armtz/%s\n" % os.path.basename(ta)
            cpio = subprocess.run(["cpio", "--quiet", "-o", "-H", "newc", "-R", "0:0"],
                                  input=names.encode(), cwd=stage, stdout=subprocess.PIPE,
                                  check=True).stdout
        finally:
            shutil.rmtree(stage)
        overlay = subprocess.run(["gzip", "-9n"], input=cpio, stdout=subprocess.PIPE,
                                 check=True).stdout
        path = os.path.join(self.work, name)
        with open(ours, "rb") as src, open(path, "wb") as dst:
            shutil.copyfileobj(src, dst)
            dst.write(overlay)
        return path

    def dtb(self, append, initrd):
        """QEMU's own device tree for this machine and firmware, with /chosen filled in."""
        key = (append, initrd)
        if key in self._dtbs:
            return self._dtbs[key]
        path = os.path.join(self.work, "virt-%d.dtb" % len(self._dtbs))
        # dumpdtb writes the tree QEMU would give this firmware, then QEMU exits.
        _run(["qemu-system-aarch64", "-M", self.machine + ",dumpdtb=" + path,
              "-bios", self.firmware, "-display", "none"] + self._cpu_mem())
        size = os.path.getsize(initrd)
        for prop, kind, value in (("bootargs", "s", append),
                                  ("linux,initrd-start", "x", "%#x" % INITRD_ADDR),
                                  ("linux,initrd-end", "x", "%#x" % (INITRD_ADDR + size))):
            _run(["fdtput", "-t", kind, path, "/chosen", prop, value])
        self._dtbs[key] = path
        return path

    def _cpu_mem(self):
        return ["-cpu", "cortex-a57", "-smp", os.environ.get("SMP", "4"), "-m", "2048"]

    def qemu_args(self, kernel, initrd, append):
        """What replaces -bios/-kernel/-initrd/-append on the reference's command line."""
        size = image_size(kernel)
        if size > INITRD_ADDR - KERNEL_ADDR:
            raise ReferenceError("the kernel (%d bytes with its BSS) does not fit below the "
                                 "initramfs at %#x: set REF_INITRD_ADDR" % (size, INITRD_ADDR))
        return ["-bios", self.firmware, "-dtb", self.dtb(append, initrd),
                "-device", "loader,file=%s,addr=%#x,force-raw=on" % (kernel, KERNEL_ADDR),
                "-device", "loader,file=%s,addr=%#x,force-raw=on" % (initrd, INITRD_ADDR)]


def optee_sizes(firmware):
    """OP-TEE's tee.bin and its crypto libraries' share, from build-reference.sh's tree."""
    out = os.path.join(os.path.dirname(os.path.abspath(firmware)), "optee", "core")
    tee_bin = os.path.join(out, "tee.bin")
    if not os.path.isfile(tee_bin):
        return None
    libs = [os.path.join(out, "lib", name, name + ".a") for name in ("libtomcrypt", "libmbedtls")]
    return tee_bin, os.path.join(out, "tee.elf"), [l for l in libs if os.path.isfile(l)]
