package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** System V shared memory from the C library, for MIT-SHM segments. */
interface SysVShm extends Library {


  int IPC_PRIVATE = 0;
  int IPC_CREAT = 01000;
  int IPC_RMID = 0;

  int shmget(int key, NativeLong size, int flags);

  /** Returns (void*) -1 on failure. */
  Pointer shmat(int id, Pointer address, int flags);

  int shmdt(Pointer address);

  int shmctl(int id, int command, Pointer buffer);
}
