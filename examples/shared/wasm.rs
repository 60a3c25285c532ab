//! Reading and writing the parts of a WebAssembly module that the build's
//! post-processing examples (`short_names`, `order_functions`) touch:
//! sections, LEB128 numbers, names and import descriptions.

/// The sections of a module: id and body.
pub fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>, String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a WebAssembly module".into());
    }
    let mut r = Reader::new(wasm);
    r.at = 8;
    let mut out = Vec::new();
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.num()?;
        out.push((id, r.take(len)?));
    }
    Ok(out)
}

/// Appends `n` as unsigned LEB128.
pub fn leb(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends a name: its length, then its bytes.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    leb(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over a module or one of its sections; every read past the end
/// is an error.
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// The offset of the next byte to read.
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the module ends early")?;
        self.at += 1;
        Ok(b)
    }

    /// An unsigned LEB128 number of at most 32 bits.
    pub fn num(&mut self) -> Result<usize, String> {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let b = self.byte()?;
            if shift > 28 {
                return Err("a number in the module is too long".into());
            }
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
            shift += 7;
        }
    }

    pub fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("a section runs past the module's end")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    pub fn str(&mut self) -> Result<&'a str, String> {
        let len = self.num()?;
        std::str::from_utf8(self.take(len)?).map_err(|_| "a name is not UTF-8".into())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.num()?;
        if flags & 1 != 0 {
            self.num()?;
        }
        Ok(())
    }

    /// Reads an import's description (function, table, memory, global or
    /// tag) and returns its kind: 0 for a function.
    pub fn import_kind(&mut self) -> Result<u8, String> {
        let kind = self.byte()?;
        match kind {
            0 => drop(self.num()?),
            1 => {
                self.byte()?;
                self.limits()?;
            }
            2 => self.limits()?,
            3 => drop(self.take(2)?),
            4 => {
                self.byte()?;
                self.num()?;
            }
            _ => return Err(format!("unknown import kind {kind}")),
        }
        Ok(kind)
    }
}
