//! A counting global allocator. It forwards every call to [`System`] and counts, per thread,
//! the allocation calls (for "allocates nothing" tests) and, process-wide, the bytes in use and
//! their peak (for "memory proportional to the input" tests).
//!
//! Including this module does not install it: a test crate that measures says so itself with
//!
//! ```ignore
//! #[global_allocator]
//! static ALLOCATOR: common::counting_alloc::Counting = common::counting_alloc::Counting;
//! ```
//!
//! Without it, [`allocations`] and [`peak_growth`] measure nothing (they report 0).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The allocator; install it with `#[global_allocator]`.
pub struct Counting;

thread_local! {
    /// Allocation calls (`alloc`, `alloc_zeroed`, `realloc`) made by this thread.
    static CALLS: Cell<usize> = const { Cell::new(0) };
}

/// Bytes allocated and not yet freed, by every thread.
static CURRENT: AtomicUsize = AtomicUsize::new(0);
/// The highest value of [`CURRENT`] since [`peak_growth`] last reset it.
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn called() {
    // `try_with`: the thread-local may be gone while a thread shuts down.
    let _ = CALLS.try_with(|c| c.set(c.get() + 1));
}

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        called();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which we forward.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        called();
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (we forward every allocation).
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        called();
        // SAFETY: as for `dealloc`; `new_size` is the caller's, forwarded.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

/// Runs `f` and returns the allocation calls it made on this thread, with its result.
pub fn allocations<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = CALLS.with(Cell::get);
    let out = std::hint::black_box(f());
    (CALLS.with(Cell::get) - before, out)
}

/// Runs `f` and returns its result with the peak heap growth (bytes) while it ran. The count
/// is process-wide: other threads allocating meanwhile add to it.
pub fn peak_growth<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed);
    (out, peak.saturating_sub(base))
}
