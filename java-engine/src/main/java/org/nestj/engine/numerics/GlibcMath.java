package org.nestj.engine.numerics;

/**
 * Bit-exact Java versions of glibc's {@code exp}, {@code pow} and {@code expm1} for double (glibc 2.28 and later, as in
 * glibc 2.36, the Debian 12 libm NEST 3.9's reference ran against), in the variant x86-64 glibc selects on
 * CPUs with FMA ({@code __exp_fma}/{@code __ieee754_pow_fma}, i.e. sysdeps/ieee754/dbl-64 e_exp.c and e_pow.c
 * compiled with {@code -mfma -mavx2}, so that every {@code a*b+c} the compiler contracts is an
 * {@link Math#fma}).
 *
 * <p>Why: GSL's step-size control calls {@code pow} once per RKF45 step, and NEST's model dynamics call
 * {@code exp}. Both glibc functions are almost but not always correctly rounded (errors up to 0.509/0.54
 * ulp), and neither {@link Math} nor {@link StrictMath} agrees with them on about 0.1% resp. 10% of
 * arguments. A single ulp of difference in a step size propagates through the adaptive step sequence to
 * relative differences of 1e-9 and more, so reproducing NEST's integrations call for call needs the same
 * bits. Verified bit for bit against the system libm (glibc 2.36, FMA variant) on millions of arguments.
 *
 * <p>The algorithms and the tables (2^(k/128) for exp, the 128-entry log table for pow's log) are those of
 * glibc's implementations, which were contributed by ARM and are also published in ARM's
 * optimized-routines (MIT OR Apache-2.0 WITH LLVM-exception). Error signalling (errno, floating-point
 * exception flags) is not reproduced; returned values are, including for special arguments. Without a
 * hardware FMA, {@link Math#fma} is still exact but slow.
 */
public final class GlibcMath {

  private GlibcMath() {}

  // ---- exp data (e_exp_data.c, N = 128, polynomial order 5) ----
  private static final int EXP_TABLE_BITS = 7;
  private static final int EXP_N = 1 << EXP_TABLE_BITS;
  private static final double INV_LN2_N = 0x1.71547652b82fep0 * EXP_N;
  private static final double NEG_LN2_HI_N = -0x1.62e42fefa0000p-8;
  private static final double NEG_LN2_LO_N = -0x1.cf79abc9e3b3ap-47;
  private static final double SHIFT = 0x1.8p52;
  private static final double C2 = 0x1.ffffffffffdbdp-2;
  private static final double C3 = 0x1.555555555543cp-3;
  private static final double C4 = 0x1.55555cf172b91p-5;
  private static final double C5 = 0x1.1111167a4d017p-7;
  /**
   * 2^(k/N) ~= H[k] * (1 + T[k]) for k in [0, N): {@code EXP_TAB[2k]} holds the bits of T[k],
   * {@code EXP_TAB[2k+1]} the bits of H[k] minus {@code k << 52 / N}.
   */
  private static final long[] EXP_TAB = {
      0x0L, 0x3ff0000000000000L,
      0x3c9b3b4f1a88bf6eL, 0x3feff63da9fb3335L,
      0xbc7160139cd8dc5dL, 0x3fefec9a3e778061L,
      0xbc905e7a108766d1L, 0x3fefe315e86e7f85L,
      0x3c8cd2523567f613L, 0x3fefd9b0d3158574L,
      0xbc8bce8023f98efaL, 0x3fefd06b29ddf6deL,
      0x3c60f74e61e6c861L, 0x3fefc74518759bc8L,
      0x3c90a3e45b33d399L, 0x3fefbe3ecac6f383L,
      0x3c979aa65d837b6dL, 0x3fefb5586cf9890fL,
      0x3c8eb51a92fdeffcL, 0x3fefac922b7247f7L,
      0x3c3ebe3d702f9cd1L, 0x3fefa3ec32d3d1a2L,
      0xbc6a033489906e0bL, 0x3fef9b66affed31bL,
      0xbc9556522a2fbd0eL, 0x3fef9301d0125b51L,
      0xbc5080ef8c4eea55L, 0x3fef8abdc06c31ccL,
      0xbc91c923b9d5f416L, 0x3fef829aaea92de0L,
      0x3c80d3e3e95c55afL, 0x3fef7a98c8a58e51L,
      0xbc801b15eaa59348L, 0x3fef72b83c7d517bL,
      0xbc8f1ff055de323dL, 0x3fef6af9388c8deaL,
      0x3c8b898c3f1353bfL, 0x3fef635beb6fcb75L,
      0xbc96d99c7611eb26L, 0x3fef5be084045cd4L,
      0x3c9aecf73e3a2f60L, 0x3fef54873168b9aaL,
      0xbc8fe782cb86389dL, 0x3fef4d5022fcd91dL,
      0x3c8a6f4144a6c38dL, 0x3fef463b88628cd6L,
      0x3c807a05b0e4047dL, 0x3fef3f49917ddc96L,
      0x3c968efde3a8a894L, 0x3fef387a6e756238L,
      0x3c875e18f274487dL, 0x3fef31ce4fb2a63fL,
      0x3c80472b981fe7f2L, 0x3fef2b4565e27cddL,
      0xbc96b87b3f71085eL, 0x3fef24dfe1f56381L,
      0x3c82f7e16d09ab31L, 0x3fef1e9df51fdee1L,
      0xbc3d219b1a6fbffaL, 0x3fef187fd0dad990L,
      0x3c8b3782720c0ab4L, 0x3fef1285a6e4030bL,
      0x3c6e149289cecb8fL, 0x3fef0cafa93e2f56L,
      0x3c834d754db0abb6L, 0x3fef06fe0a31b715L,
      0x3c864201e2ac744cL, 0x3fef0170fc4cd831L,
      0x3c8fdd395dd3f84aL, 0x3feefc08b26416ffL,
      0xbc86a3803b8e5b04L, 0x3feef6c55f929ff1L,
      0xbc924aedcc4b5068L, 0x3feef1a7373aa9cbL,
      0xbc9907f81b512d8eL, 0x3feeecae6d05d866L,
      0xbc71d1e83e9436d2L, 0x3feee7db34e59ff7L,
      0xbc991919b3ce1b15L, 0x3feee32dc313a8e5L,
      0x3c859f48a72a4c6dL, 0x3feedea64c123422L,
      0xbc9312607a28698aL, 0x3feeda4504ac801cL,
      0xbc58a78f4817895bL, 0x3feed60a21f72e2aL,
      0xbc7c2c9b67499a1bL, 0x3feed1f5d950a897L,
      0x3c4363ed60c2ac11L, 0x3feece086061892dL,
      0x3c9666093b0664efL, 0x3feeca41ed1d0057L,
      0x3c6ecce1daa10379L, 0x3feec6a2b5c13cd0L,
      0x3c93ff8e3f0f1230L, 0x3feec32af0d7d3deL,
      0x3c7690cebb7aafb0L, 0x3feebfdad5362a27L,
      0x3c931dbdeb54e077L, 0x3feebcb299fddd0dL,
      0xbc8f94340071a38eL, 0x3feeb9b2769d2ca7L,
      0xbc87deccdc93a349L, 0x3feeb6daa2cf6642L,
      0xbc78dec6bd0f385fL, 0x3feeb42b569d4f82L,
      0xbc861246ec7b5cf6L, 0x3feeb1a4ca5d920fL,
      0x3c93350518fdd78eL, 0x3feeaf4736b527daL,
      0x3c7b98b72f8a9b05L, 0x3feead12d497c7fdL,
      0x3c9063e1e21c5409L, 0x3feeab07dd485429L,
      0x3c34c7855019c6eaL, 0x3feea9268a5946b7L,
      0x3c9432e62b64c035L, 0x3feea76f15ad2148L,
      0xbc8ce44a6199769fL, 0x3feea5e1b976dc09L,
      0xbc8c33c53bef4da8L, 0x3feea47eb03a5585L,
      0xbc845378892be9aeL, 0x3feea34634ccc320L,
      0xbc93cedd78565858L, 0x3feea23882552225L,
      0x3c5710aa807e1964L, 0x3feea155d44ca973L,
      0xbc93b3efbf5e2228L, 0x3feea09e667f3bcdL,
      0xbc6a12ad8734b982L, 0x3feea012750bdabfL,
      0xbc6367efb86da9eeL, 0x3fee9fb23c651a2fL,
      0xbc80dc3d54e08851L, 0x3fee9f7df9519484L,
      0xbc781f647e5a3ecfL, 0x3fee9f75e8ec5f74L,
      0xbc86ee4ac08b7db0L, 0x3fee9f9a48a58174L,
      0xbc8619321e55e68aL, 0x3fee9feb564267c9L,
      0x3c909ccb5e09d4d3L, 0x3feea0694fde5d3fL,
      0xbc7b32dcb94da51dL, 0x3feea11473eb0187L,
      0x3c94ecfd5467c06bL, 0x3feea1ed0130c132L,
      0x3c65ebe1abd66c55L, 0x3feea2f336cf4e62L,
      0xbc88a1c52fb3cf42L, 0x3feea427543e1a12L,
      0xbc9369b6f13b3734L, 0x3feea589994cce13L,
      0xbc805e843a19ff1eL, 0x3feea71a4623c7adL,
      0xbc94d450d872576eL, 0x3feea8d99b4492edL,
      0x3c90ad675b0e8a00L, 0x3feeaac7d98a6699L,
      0x3c8db72fc1f0eab4L, 0x3feeace5422aa0dbL,
      0xbc65b6609cc5e7ffL, 0x3feeaf3216b5448cL,
      0x3c7bf68359f35f44L, 0x3feeb1ae99157736L,
      0xbc93091fa71e3d83L, 0x3feeb45b0b91ffc6L,
      0xbc5da9b88b6c1e29L, 0x3feeb737b0cdc5e5L,
      0xbc6c23f97c90b959L, 0x3feeba44cbc8520fL,
      0xbc92434322f4f9aaL, 0x3feebd829fde4e50L,
      0xbc85ca6cd7668e4bL, 0x3feec0f170ca07baL,
      0x3c71affc2b91ce27L, 0x3feec49182a3f090L,
      0x3c6dd235e10a73bbL, 0x3feec86319e32323L,
      0xbc87c50422622263L, 0x3feecc667b5de565L,
      0x3c8b1c86e3e231d5L, 0x3feed09bec4a2d33L,
      0xbc91bbd1d3bcbb15L, 0x3feed503b23e255dL,
      0x3c90cc319cee31d2L, 0x3feed99e1330b358L,
      0x3c8469846e735ab3L, 0x3feede6b5579fdbfL,
      0xbc82dfcd978e9db4L, 0x3feee36bbfd3f37aL,
      0x3c8c1a7792cb3387L, 0x3feee89f995ad3adL,
      0xbc907b8f4ad1d9faL, 0x3feeee07298db666L,
      0xbc55c3d956dcaebaL, 0x3feef3a2b84f15fbL,
      0xbc90a40e3da6f640L, 0x3feef9728de5593aL,
      0xbc68d6f438ad9334L, 0x3feeff76f2fb5e47L,
      0xbc91eee26b588a35L, 0x3fef05b030a1064aL,
      0x3c74ffd70a5fddcdL, 0x3fef0c1e904bc1d2L,
      0xbc91bdfbfa9298acL, 0x3fef12c25bd71e09L,
      0x3c736eae30af0cb3L, 0x3fef199bdd85529cL,
      0x3c8ee3325c9ffd94L, 0x3fef20ab5fffd07aL,
      0x3c84e08fd10959acL, 0x3fef27f12e57d14bL,
      0x3c63cdaf384e1a67L, 0x3fef2f6d9406e7b5L,
      0x3c676b2c6c921968L, 0x3fef3720dcef9069L,
      0xbc808a1883ccb5d2L, 0x3fef3f0b555dc3faL,
      0xbc8fad5d3ffffa6fL, 0x3fef472d4a07897cL,
      0xbc900dae3875a949L, 0x3fef4f87080d89f2L,
      0x3c74a385a63d07a7L, 0x3fef5818dcfba487L,
      0xbc82919e2040220fL, 0x3fef60e316c98398L,
      0x3c8e5a50d5c192acL, 0x3fef69e603db3285L,
      0x3c843a59ac016b4bL, 0x3fef7321f301b460L,
      0xbc82d52107b43e1fL, 0x3fef7c97337b9b5fL,
      0xbc892ab93b470dc9L, 0x3fef864614f5a129L,
      0x3c74b604603a88d3L, 0x3fef902ee78b3ff6L,
      0x3c83c5ec519d7271L, 0x3fef9a51fbc74c83L,
      0xbc8ff7128fd391f0L, 0x3fefa4afa2a490daL,
      0xbc8dae98e223747dL, 0x3fefaf482d8e67f1L,
      0x3c8ec3bc41aa2008L, 0x3fefba1bee615a27L,
      0x3c842b94c3a9eb32L, 0x3fefc52b376bba97L,
      0x3c8a64a931d185eeL, 0x3fefd0765b6e4540L,
      0xbc8e37bae43be3edL, 0x3fefdbfdad9cbe14L,
      0x3c77893b4d91cd9dL, 0x3fefe7c1819e90d8L,
      0x3c5305c14160cc89L, 0x3feff3c22b8f71f1L,
  };

  // ---- pow's log data (e_pow_log_data.c, N = 128, polynomial order 8) ----
  private static final int POW_LOG_TABLE_BITS = 7;
  private static final long OFF = 0x3fe6955500000000L;
  private static final double LN2_HI = 0x1.62e42fefa3800p-1;
  private static final double LN2_LO = 0x1.ef35793c76730p-45;
  // coefficients scaled to match the evaluation; A0 = -0.5
  private static final double A0 = -0x1p-1;
  private static final double A1 = 0x1.555555555556p-2 * -2;
  private static final double A2 = -0x1.0000000000006p-2 * -2;
  private static final double A3 = 0x1.999999959554ep-3 * 4;
  private static final double A4 = -0x1.555555529a47ap-3 * 4;
  private static final double A5 = 0x1.2495b9b4845e9p-3 * -8;
  private static final double A6 = -0x1.0002b8b263fc3p-3 * -8;
  /**
   * For each of the 128 subintervals of [0x1.69555p-1, 0x1.69555p0]: {@code invc = 1/c} (c near the centre,
   * 1/c with few significant bits), {@code logc = round(0x1p43 * log(c)) / 0x1p43},
   * {@code logctail = log(c) - logc}; stored as consecutive triples.
   */
  private static final double[] POW_LOG_TAB = {
      0x1.6a00000000000p+0, -0x1.62c82f2b9c800p-2, 0x1.ab42428375680p-48,
      0x1.6800000000000p+0, -0x1.5d1bdbf580800p-2, -0x1.ca508d8e0f720p-46,
      0x1.6600000000000p+0, -0x1.5767717455800p-2, -0x1.362a4d5b6506dp-45,
      0x1.6400000000000p+0, -0x1.51aad872df800p-2, -0x1.684e49eb067d5p-49,
      0x1.6200000000000p+0, -0x1.4be5f95777800p-2, -0x1.41b6993293ee0p-47,
      0x1.6000000000000p+0, -0x1.4618bc21c6000p-2, 0x1.3d82f484c84ccp-46,
      0x1.5e00000000000p+0, -0x1.404308686a800p-2, 0x1.c42f3ed820b3ap-50,
      0x1.5c00000000000p+0, -0x1.3a64c55694800p-2, 0x1.0b1c686519460p-45,
      0x1.5a00000000000p+0, -0x1.347dd9a988000p-2, 0x1.5594dd4c58092p-45,
      0x1.5800000000000p+0, -0x1.2e8e2bae12000p-2, 0x1.67b1e99b72bd8p-45,
      0x1.5600000000000p+0, -0x1.2895a13de8800p-2, 0x1.5ca14b6cfb03fp-46,
      0x1.5600000000000p+0, -0x1.2895a13de8800p-2, 0x1.5ca14b6cfb03fp-46,
      0x1.5400000000000p+0, -0x1.22941fbcf7800p-2, -0x1.65a242853da76p-46,
      0x1.5200000000000p+0, -0x1.1c898c1699800p-2, -0x1.fafbc68e75404p-46,
      0x1.5000000000000p+0, -0x1.1675cababa800p-2, 0x1.f1fc63382a8f0p-46,
      0x1.4e00000000000p+0, -0x1.1058bf9ae4800p-2, -0x1.6a8c4fd055a66p-45,
      0x1.4c00000000000p+0, -0x1.0a324e2739000p-2, -0x1.c6bee7ef4030ep-47,
      0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48,
      0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48,
      0x1.4800000000000p+0, -0x1.fb9186d5e4000p-3, 0x1.d572aab993c87p-47,
      0x1.4600000000000p+0, -0x1.ef0adcbdc6000p-3, 0x1.b26b79c86af24p-45,
      0x1.4400000000000p+0, -0x1.e27076e2af000p-3, -0x1.72f4f543fff10p-46,
      0x1.4200000000000p+0, -0x1.d5c216b4fc000p-3, 0x1.1ba91bbca681bp-45,
      0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45,
      0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45,
      0x1.3e00000000000p+0, -0x1.bc286742d9000p-3, 0x1.94eb0318bb78fp-46,
      0x1.3c00000000000p+0, -0x1.af3c94e80c000p-3, 0x1.a4e633fcd9066p-52,
      0x1.3a00000000000p+0, -0x1.a23bc1fe2b000p-3, -0x1.58c64dc46c1eap-45,
      0x1.3a00000000000p+0, -0x1.a23bc1fe2b000p-3, -0x1.58c64dc46c1eap-45,
      0x1.3800000000000p+0, -0x1.9525a9cf45000p-3, -0x1.ad1d904c1d4e3p-45,
      0x1.3600000000000p+0, -0x1.87fa06520d000p-3, 0x1.bbdbf7fdbfa09p-45,
      0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45,
      0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45,
      0x1.3200000000000p+0, -0x1.6d60fe719d000p-3, -0x1.0e46aa3b2e266p-46,
      0x1.3000000000000p+0, -0x1.5ff3070a79000p-3, -0x1.e9e439f105039p-46,
      0x1.3000000000000p+0, -0x1.5ff3070a79000p-3, -0x1.e9e439f105039p-46,
      0x1.2e00000000000p+0, -0x1.526e5e3a1b000p-3, -0x1.0de8b90075b8fp-45,
      0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46,
      0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46,
      0x1.2a00000000000p+0, -0x1.371fc201e9000p-3, 0x1.178864d27543ap-48,
      0x1.2800000000000p+0, -0x1.29552f81ff000p-3, -0x1.48d301771c408p-45,
      0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45,
      0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45,
      0x1.2400000000000p+0, -0x1.0d77e7cd09000p-3, 0x1.a699688e85bf4p-47,
      0x1.2400000000000p+0, -0x1.0d77e7cd09000p-3, 0x1.a699688e85bf4p-47,
      0x1.2200000000000p+0, -0x1.fec9131dbe000p-4, -0x1.575545ca333f2p-45,
      0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45,
      0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45,
      0x1.1e00000000000p+0, -0x1.c5e548f5bc000p-4, -0x1.d0c57585fbe06p-46,
      0x1.1c00000000000p+0, -0x1.a926d3a4ae000p-4, 0x1.53935e85baac8p-45,
      0x1.1c00000000000p+0, -0x1.a926d3a4ae000p-4, 0x1.53935e85baac8p-45,
      0x1.1a00000000000p+0, -0x1.8c345d631a000p-4, 0x1.37c294d2f5668p-46,
      0x1.1a00000000000p+0, -0x1.8c345d631a000p-4, 0x1.37c294d2f5668p-46,
      0x1.1800000000000p+0, -0x1.6f0d28ae56000p-4, -0x1.69737c93373dap-45,
      0x1.1600000000000p+0, -0x1.51b073f062000p-4, 0x1.f025b61c65e57p-46,
      0x1.1600000000000p+0, -0x1.51b073f062000p-4, 0x1.f025b61c65e57p-46,
      0x1.1400000000000p+0, -0x1.341d7961be000p-4, 0x1.c5edaccf913dfp-45,
      0x1.1400000000000p+0, -0x1.341d7961be000p-4, 0x1.c5edaccf913dfp-45,
      0x1.1200000000000p+0, -0x1.16536eea38000p-4, 0x1.47c5e768fa309p-46,
      0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45,
      0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45,
      0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46,
      0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46,
      0x1.0c00000000000p+0, -0x1.77458f632c000p-5, -0x1.cfc4634f2a1eep-45,
      0x1.0c00000000000p+0, -0x1.77458f632c000p-5, -0x1.cfc4634f2a1eep-45,
      0x1.0a00000000000p+0, -0x1.39e87b9fec000p-5, 0x1.502b7f526feaap-48,
      0x1.0a00000000000p+0, -0x1.39e87b9fec000p-5, 0x1.502b7f526feaap-48,
      0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45,
      0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45,
      0x1.0600000000000p+0, -0x1.7b91b07d58000p-6, -0x1.88d5493faa639p-45,
      0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50,
      0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50,
      0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46,
      0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46,
      0x1.0000000000000p+0, 0x0.0000000000000p+0, 0x0.0000000000000p+0,
      0x1.0000000000000p+0, 0x0.0000000000000p+0, 0x0.0000000000000p+0,
      0x1.fc00000000000p-1, 0x1.0101575890000p-7, -0x1.0c76b999d2be8p-46,
      0x1.f800000000000p-1, 0x1.0205658938000p-6, -0x1.3dc5b06e2f7d2p-45,
      0x1.f400000000000p-1, 0x1.8492528c90000p-6, -0x1.aa0ba325a0c34p-45,
      0x1.f000000000000p-1, 0x1.0415d89e74000p-5, 0x1.111c05cf1d753p-47,
      0x1.ec00000000000p-1, 0x1.466aed42e0000p-5, -0x1.c167375bdfd28p-45,
      0x1.e800000000000p-1, 0x1.894aa149fc000p-5, -0x1.97995d05a267dp-46,
      0x1.e400000000000p-1, 0x1.ccb73cdddc000p-5, -0x1.a68f247d82807p-46,
      0x1.e200000000000p-1, 0x1.eea31c006c000p-5, -0x1.e113e4fc93b7bp-47,
      0x1.de00000000000p-1, 0x1.1973bd1466000p-4, -0x1.5325d560d9e9bp-45,
      0x1.da00000000000p-1, 0x1.3bdf5a7d1e000p-4, 0x1.cc85ea5db4ed7p-45,
      0x1.d600000000000p-1, 0x1.5e95a4d97a000p-4, -0x1.c69063c5d1d1ep-45,
      0x1.d400000000000p-1, 0x1.700d30aeac000p-4, 0x1.c1e8da99ded32p-49,
      0x1.d000000000000p-1, 0x1.9335e5d594000p-4, 0x1.3115c3abd47dap-45,
      0x1.cc00000000000p-1, 0x1.b6ac88dad6000p-4, -0x1.390802bf768e5p-46,
      0x1.ca00000000000p-1, 0x1.c885801bc4000p-4, 0x1.646d1c65aacd3p-45,
      0x1.c600000000000p-1, 0x1.ec739830a2000p-4, -0x1.dc068afe645e0p-45,
      0x1.c400000000000p-1, 0x1.fe89139dbe000p-4, -0x1.534d64fa10afdp-45,
      0x1.c000000000000p-1, 0x1.1178e8227e000p-3, 0x1.1ef78ce2d07f2p-45,
      0x1.be00000000000p-1, 0x1.1aa2b7e23f000p-3, 0x1.ca78e44389934p-45,
      0x1.ba00000000000p-1, 0x1.2d1610c868000p-3, 0x1.39d6ccb81b4a1p-47,
      0x1.b800000000000p-1, 0x1.365fcb0159000p-3, 0x1.62fa8234b7289p-51,
      0x1.b400000000000p-1, 0x1.4913d8333b000p-3, 0x1.5837954fdb678p-45,
      0x1.b200000000000p-1, 0x1.527e5e4a1b000p-3, 0x1.633e8e5697dc7p-45,
      0x1.ae00000000000p-1, 0x1.6574ebe8c1000p-3, 0x1.9cf8b2c3c2e78p-46,
      0x1.ac00000000000p-1, 0x1.6f0128b757000p-3, -0x1.5118de59c21e1p-45,
      0x1.aa00000000000p-1, 0x1.7898d85445000p-3, -0x1.c661070914305p-46,
      0x1.a600000000000p-1, 0x1.8beafeb390000p-3, -0x1.73d54aae92cd1p-47,
      0x1.a400000000000p-1, 0x1.95a5adcf70000p-3, 0x1.7f22858a0ff6fp-47,
      0x1.a000000000000p-1, 0x1.a93ed3c8ae000p-3, -0x1.8724350562169p-45,
      0x1.9e00000000000p-1, 0x1.b31d8575bd000p-3, -0x1.c358d4eace1aap-47,
      0x1.9c00000000000p-1, 0x1.bd087383be000p-3, -0x1.d4bc4595412b6p-45,
      0x1.9a00000000000p-1, 0x1.c6ffbc6f01000p-3, -0x1.1ec72c5962bd2p-48,
      0x1.9600000000000p-1, 0x1.db13db0d49000p-3, -0x1.aff2af715b035p-45,
      0x1.9400000000000p-1, 0x1.e530effe71000p-3, 0x1.212276041f430p-51,
      0x1.9200000000000p-1, 0x1.ef5ade4dd0000p-3, -0x1.a211565bb8e11p-51,
      0x1.9000000000000p-1, 0x1.f991c6cb3b000p-3, 0x1.bcbecca0cdf30p-46,
      0x1.8c00000000000p-1, 0x1.07138604d5800p-2, 0x1.89cdb16ed4e91p-48,
      0x1.8a00000000000p-1, 0x1.0c42d67616000p-2, 0x1.7188b163ceae9p-45,
      0x1.8800000000000p-1, 0x1.1178e8227e800p-2, -0x1.c210e63a5f01cp-45,
      0x1.8600000000000p-1, 0x1.16b5ccbacf800p-2, 0x1.b9acdf7a51681p-45,
      0x1.8400000000000p-1, 0x1.1bf99635a6800p-2, 0x1.ca6ed5147bdb7p-45,
      0x1.8200000000000p-1, 0x1.214456d0eb800p-2, 0x1.a87deba46baeap-47,
      0x1.7e00000000000p-1, 0x1.2bef07cdc9000p-2, 0x1.a9cfa4a5004f4p-45,
      0x1.7c00000000000p-1, 0x1.314f1e1d36000p-2, -0x1.8e27ad3213cb8p-45,
      0x1.7a00000000000p-1, 0x1.36b6776be1000p-2, 0x1.16ecdb0f177c8p-46,
      0x1.7800000000000p-1, 0x1.3c25277333000p-2, 0x1.83b54b606bd5cp-46,
      0x1.7600000000000p-1, 0x1.419b423d5e800p-2, 0x1.8e436ec90e09dp-47,
      0x1.7400000000000p-1, 0x1.4718dc271c800p-2, -0x1.f27ce0967d675p-45,
      0x1.7200000000000p-1, 0x1.4c9e09e173000p-2, -0x1.e20891b0ad8a4p-45,
      0x1.7000000000000p-1, 0x1.522ae0738a000p-2, 0x1.ebe708164c759p-45,
      0x1.6e00000000000p-1, 0x1.57bf753c8d000p-2, 0x1.fadedee5d40efp-46,
      0x1.6c00000000000p-1, 0x1.5d5bddf596000p-2, -0x1.a0b2a08a465dcp-47,
  };
  /** Sign bias added to the scale exponent for negative results: {@code 0x800 << EXP_TABLE_BITS}. */
  private static final long SIGN_BIAS = 0x800L << EXP_TABLE_BITS;

  private static final long ONE_BITS = 0x3ff0000000000000L;
  private static final long INF_BITS = 0x7ff0000000000000L;
  private static final long SIGN_MASK = 0x8000000000000000L;

  /** Top 12 bits (sign and exponent) of a double. */
  private static int top12(double x) {
    return (int) (Double.doubleToRawLongBits(x) >>> 52);
  }

  /** glibc's {@code exp(x)}, bit for bit (FMA variant). */
  public static double exp(double x) {
    int abstop = top12(x) & 0x7ff;
    // top12(0x1p-54) = 0x3c9, top12(512.0) = 0x408, top12(1024.0) = 0x409
    if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) {
      if (Integer.compareUnsigned(abstop - 0x3c9, 0x80000000) >= 0) {
        return 1.0 + x; // tiny x (and 0)
      }
      if (abstop >= 0x409) {
        long ix = Double.doubleToRawLongBits(x);
        if (ix == 0xfff0000000000000L) {
          return 0.0;
        }
        if (abstop >= 0x7ff) {
          return 1.0 + x; // +inf, NaN
        }
        return ix < 0 ? 0.0 : Double.POSITIVE_INFINITY; // underflow / overflow
      }
      abstop = 0; // large |x|: special-cased below
    }
    // exp(x) = 2^(k/N) * exp(r), x = k ln2/N + r, |r| <= ln2/2N
    double kd = Math.fma(INV_LN2_N, x, SHIFT);
    long ki = Double.doubleToRawLongBits(kd);
    kd -= SHIFT;
    double r = Math.fma(kd, NEG_LN2_LO_N, Math.fma(kd, NEG_LN2_HI_N, x));
    int idx = 2 * (int) (ki & (EXP_N - 1));
    long top = ki << (52 - EXP_TABLE_BITS);
    double tail = Double.longBitsToDouble(EXP_TAB[idx]);
    long sbits = EXP_TAB[idx + 1] + top;
    double r2 = r * r;
    double tmp = Math.fma(r2 * r2, Math.fma(r, C5, C4), Math.fma(r2, Math.fma(r, C3, C2), tail + r));
    if (abstop == 0) {
      return expSpecialCase(tmp, sbits, ki);
    }
    double scale = Double.longBitsToDouble(sbits);
    return Math.fma(scale, tmp, scale);
  }

  // ---- exp2 (e_exp2.c; shares the 2^(k/N) table with exp) ----
  private static final double EXP2_SHIFT = 0x1.8p52 / EXP_N;
  private static final double E2C1 = 0x1.62e42fefa39efp-1;
  private static final double E2C2 = 0x1.ebfbdff82c424p-3;
  private static final double E2C3 = 0x1.c6b08d70cf4b5p-5;
  private static final double E2C4 = 0x1.3b2abd24650ccp-7;
  private static final double E2C5 = 0x1.5d7e09b4e3a84p-10;

  /**
   * glibc's {@code exp2(x)} = 2^x, bit for bit. x86-64 glibc 2.36 has no FMA variant of exp2 (its multiarch
   * directory has exp2f only), so this is the generic build: no contraction, every product and sum rounds on
   * its own. Used by glibc's tgamma ({@link GlibcGamma}).
   */
  public static double exp2(double x) {
    int abstop = top12(x) & 0x7ff;
    // top12(0x1p-54) = 0x3c9, top12(512.0) = 0x408, top12(1024.0) = 0x409
    if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) {
      if (Integer.compareUnsigned(abstop - 0x3c9, 0x80000000) >= 0) {
        return 1.0 + x; // tiny x (and 0)
      }
      long ix = Double.doubleToRawLongBits(x);
      if (abstop >= 0x409) {
        if (ix == 0xfff0000000000000L) {
          return 0.0;
        }
        if (abstop >= 0x7ff) {
          return 1.0 + x; // +inf, NaN
        }
        if (ix >= 0) {
          return Double.POSITIVE_INFINITY;
        } else if (Long.compareUnsigned(ix, Double.doubleToRawLongBits(-1075.0)) >= 0) {
          return 0.0;
        }
      }
      if (Long.compareUnsigned(2 * ix, 2 * Double.doubleToRawLongBits(928.0)) > 0) {
        abstop = 0; // large |x|: special-cased below
      }
    }
    // 2^x = 2^(k/N) * 2^r, x = k/N + r, |r| <= 1/2N
    double kd = x + EXP2_SHIFT;
    long ki = Double.doubleToRawLongBits(kd);
    kd -= EXP2_SHIFT;
    double r = x - kd;
    int idx = 2 * (int) (ki & (EXP_N - 1));
    long top = ki << (52 - EXP_TABLE_BITS);
    double tail = Double.longBitsToDouble(EXP_TAB[idx]);
    long sbits = EXP_TAB[idx + 1] + top;
    double r2 = r * r;
    double tmp = tail + r * E2C1 + r2 * (E2C2 + r * E2C3) + r2 * r2 * (E2C4 + r * E2C5);
    if (abstop == 0) {
      return exp2SpecialCase(tmp, sbits, ki);
    }
    double scale = Double.longBitsToDouble(sbits);
    return scale + scale * tmp;
  }

  /** exp2's {@code specialcase} (no FMA): results that may overflow or underflow. */
  private static double exp2SpecialCase(double tmp, long sbits, long ki) {
    if ((ki & 0x80000000L) == 0) {
      // k > 0: the exponent of scale might have overflowed by 1
      sbits -= 1L << 52;
      double scale = Double.longBitsToDouble(sbits);
      return 2 * (scale + scale * tmp);
    }
    return subnormalCase(tmp, sbits);
  }

  /** exp's {@code specialcase}: results that may overflow or underflow (|x| >= 512). */
  private static double expSpecialCase(double tmp, long sbits, long ki) {
    if ((ki & 0x80000000L) == 0) {
      // k > 0: the exponent of scale might have overflowed by <= 460
      sbits -= 1009L << 52;
      double scale = Double.longBitsToDouble(sbits);
      return 0x1p1009 * Math.fma(scale, tmp, scale);
    }
    return subnormalCase(tmp, sbits);
  }

  /** pow's {@code specialcase}, which also carries the sign of the result in {@code sbits}. */
  private static double powSpecialCase(double tmp, long sbits, long ki) {
    if ((ki & 0x80000000L) == 0) {
      sbits -= 1009L << 52;
      double scale = Double.longBitsToDouble(sbits);
      return 0x1p1009 * Math.fma(scale, tmp, scale);
    }
    return subnormalCase(tmp, sbits);
  }

  /**
   * The specialcase of exp, exp2 and pow for k &lt; 0: the scaled result (its sign in sbits, positive
   * for exp and exp2), rounded to the right precision before scaling into the subnormal range.
   * scale * tmp is shared with a use in another basic block, so gcc does not contract it.
   */
  private static double subnormalCase(double tmp, long sbits) {
    sbits += 1022L << 52;
    double scale = Double.longBitsToDouble(sbits);
    double y = scale + scale * tmp;
    if (Math.abs(y) < 1.0) {
      double one = y < 0.0 ? -1.0 : 1.0;
      double lo = scale - y + scale * tmp;
      double hi = one + y;
      lo = one - hi + y + lo;
      y = (hi + lo) - one;
      if (y == 0.0) {
        y = Double.longBitsToDouble(sbits & SIGN_MASK);
      }
    }
    return 0x1p-1022 * y;
  }

  /** 0 if not an integer, 1 if an odd integer, 2 if an even integer (iy: bits of a finite nonzero value). */
  private static int checkint(long iy) {
    int e = (int) (iy >>> 52) & 0x7ff;
    if (e < 0x3ff) {
      return 0;
    }
    if (e > 0x3ff + 52) {
      return 2;
    }
    if ((iy & ((1L << (0x3ff + 52 - e)) - 1)) != 0) {
      return 0;
    }
    if ((iy & (1L << (0x3ff + 52 - e))) != 0) {
      return 1;
    }
    return 2;
  }

  /** True for the bits of +-0, +-inf and NaN. */
  private static boolean zeroinfnan(long i) {
    return Long.compareUnsigned(2 * i - 1, 2 * INF_BITS - 1) >= 0;
  }

  private static boolean isSignaling(double x) {
    long ix = Double.doubleToRawLongBits(x);
    return Long.compareUnsigned(2 * (ix ^ 0x0008000000000000L), 2 * 0x7ff8000000000000L) > 0;
  }

  /**
   * pow(x, 3.0) as glibc computes it, faster: x^3 as an unevaluated sum of doubles with an error far
   * below an ulp (exact products by fma), rounded once. glibc's pow rounds an internal approximation
   * whose error is below 0.02 ulp (its bound is 0.52 ulp), so both give the correctly rounded x^3 unless
   * x^3 lies within 0.02 ulp of a midpoint between two doubles; there, and for results that are not
   * normal numbers or not in a safe range, this returns {@link #pow}(x, 3.0) itself.
   */
  public static double cube(double x) {
    final double ax = Math.abs(x);
    if (!(ax > 0x1p-300 && ax < 0x1p300)) return pow(x, 3.0);
    final double p2 = x * x;
    final double e2 = Math.fma(x, x, -p2); // x^2 = p2 + e2 exactly
    final double p3 = p2 * x;
    final double e3 = Math.fma(p2, x, -p3); // p2 x = p3 + e3 exactly
    final double t = e3 + e2 * x; // x^3 = p3 + t, up to about 2^-100 |x^3|
    final double r = p3 + t;
    // how far the exact value lies from r, in ulps of r: a round-to-nearest result is within 1/2 ulp
    final double d = (p3 - r) + t;
    final double u = Math.ulp(r);
    if (Math.abs(Math.abs(d) - 0.5 * u) < 0.0625 * u || Math.abs(r) == Math.scalb(1.0, Math.getExponent(r))) {
      return pow(x, 3.0);
    }
    return r;
  }

  /** glibc's {@code pow(x, y)}, bit for bit (FMA variant). */
  public static double pow(double x, double y) {
    long signBias = 0;
    long ix = Double.doubleToRawLongBits(x);
    long iy = Double.doubleToRawLongBits(y);
    int topx = top12(x);
    int topy = top12(y);
    if (Integer.compareUnsigned(topx - 0x001, 0x7ff - 0x001) >= 0
        || Integer.compareUnsigned((topy & 0x7ff) - 0x3be, 0x43e - 0x3be) >= 0) {
      // x subnormal, zero, negative, inf or NaN; or |y| < 2^-65, |y| >= 2^63, y inf or NaN
      if (zeroinfnan(iy)) {
        if (2 * iy == 0) {
          return isSignaling(x) ? x + y : 1.0;
        }
        if (ix == ONE_BITS) {
          return isSignaling(y) ? x + y : 1.0;
        }
        if (Long.compareUnsigned(2 * ix, 2 * INF_BITS) > 0 || Long.compareUnsigned(2 * iy, 2 * INF_BITS) > 0) {
          return x + y;
        }
        if (2 * ix == 2 * ONE_BITS) {
          return 1.0;
        }
        if ((Long.compareUnsigned(2 * ix, 2 * ONE_BITS) < 0) == (iy >= 0)) {
          return 0.0; // |x| < 1 && y == inf, or |x| > 1 && y == -inf
        }
        return y * y;
      }
      if (zeroinfnan(ix)) {
        double x2 = x * x;
        if (ix < 0 && checkint(iy) == 1) {
          x2 = -x2;
        }
        return iy < 0 ? 1 / x2 : x2;
      }
      // x and y are nonzero finite
      if (ix < 0) {
        int yint = checkint(iy);
        if (yint == 0) {
          return (x - x) / (x - x); // NaN: negative x, non-integer y
        }
        if (yint == 1) {
          signBias = SIGN_BIAS;
        }
        ix &= ~SIGN_MASK;
        topx &= 0x7ff;
      }
      if (Integer.compareUnsigned((topy & 0x7ff) - 0x3be, 0x43e - 0x3be) >= 0) {
        // sign_bias == 0 here because y is not odd
        if (ix == ONE_BITS) {
          return 1.0;
        }
        if ((topy & 0x7ff) < 0x3be) {
          return Long.compareUnsigned(ix, ONE_BITS) > 0 ? 1.0 + y : 1.0 - y; // |y| < 2^-65
        }
        return (Long.compareUnsigned(ix, ONE_BITS) > 0) == (topy < 0x800) ? Double.POSITIVE_INFINITY : 0.0;
      }
      if (topx == 0) {
        // normalize subnormal x so that the exponent becomes negative
        ix = Double.doubleToRawLongBits(x * 0x1p52);
        ix &= ~SIGN_MASK;
        ix -= 52L << 52;
      }
    }

    // ---- log_inline: hi + lo = log(x), lo carrying ~15 extra bits ----
    // x = 2^k z with z in [OFF, 2 OFF); log(x) = k ln2 + log(c) + log1p(z/c - 1)
    long tmp = ix - OFF;
    int i = (int) ((tmp >>> (52 - POW_LOG_TABLE_BITS)) & ((1 << POW_LOG_TABLE_BITS) - 1));
    int k = (int) (tmp >> 52);
    long iz = ix - (tmp & (0xfffL << 52));
    double z = Double.longBitsToDouble(iz);
    double kd = k;
    double invc = POW_LOG_TAB[3 * i];
    double logc = POW_LOG_TAB[3 * i + 1];
    double logctail = POW_LOG_TAB[3 * i + 2];
    double r = Math.fma(z, invc, -1.0); // exact
    double t1 = Math.fma(kd, LN2_HI, logc);
    double t2 = t1 + r;
    double lo1 = Math.fma(kd, LN2_LO, logctail);
    double lo2 = t1 - t2 + r;
    double ar = A0 * r;
    double ar2 = r * ar;
    double ar3 = r * ar2;
    double hiLog = t2 + ar2;
    double lo3 = Math.fma(ar, r, -ar2);
    double lo4 = t2 - hiLog + ar2;
    double q = Math.fma(ar2, Math.fma(ar2, Math.fma(r, A6, A5), Math.fma(r, A4, A3)), Math.fma(r, A2, A1));
    double loLog = Math.fma(ar3, q, lo1 + lo2 + lo3 + lo4);
    double logHi = hiLog + loLog;
    double logLo = hiLog - logHi + loLog;

    // ---- y * log(x) as ehi + elo ----
    double ehi = y * logHi;
    double elo = Math.fma(y, logLo, Math.fma(y, logHi, -ehi));

    // ---- exp_inline(ehi, elo, signBias) ----
    int abstop = top12(ehi) & 0x7ff;
    if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) {
      if (Integer.compareUnsigned(abstop - 0x3c9, 0x80000000) >= 0) {
        double one = 1.0 + ehi;
        return signBias != 0 ? -one : one;
      }
      if (abstop >= 0x409) {
        if (Double.doubleToRawLongBits(ehi) < 0) {
          return signBias != 0 ? -0.0 : 0.0;
        }
        return signBias != 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      abstop = 0;
    }
    double ekd = Math.fma(INV_LN2_N, ehi, SHIFT);
    long ki = Double.doubleToRawLongBits(ekd);
    ekd -= SHIFT;
    double er = Math.fma(ekd, NEG_LN2_LO_N, Math.fma(ekd, NEG_LN2_HI_N, ehi));
    er += elo;
    int idx = 2 * (int) (ki & (EXP_N - 1));
    long top = (ki + signBias) << (52 - EXP_TABLE_BITS);
    double tail = Double.longBitsToDouble(EXP_TAB[idx]);
    long sbits = EXP_TAB[idx + 1] + top;
    double er2 = er * er;
    double etmp = Math.fma(er2 * er2, Math.fma(er, C5, C4), Math.fma(er2, Math.fma(er, C3, C2), tail + er));
    if (abstop == 0) {
      return powSpecialCase(etmp, sbits, ki);
    }
    double scale = Double.longBitsToDouble(sbits);
    return Math.fma(scale, etmp, scale);
  }

  // ---- expm1 (sysdeps/ieee754/dbl-64/s_expm1.c, fdlibm's algorithm with glibc's Estrin-style polynomial) ----
  private static final double EM1_LN2_HI = 6.93147180369123816490e-01;
  private static final double EM1_LN2_LO = 1.90821492927058770002e-10;
  private static final double EM1_INVLN2 = 1.44269504088896338700e+00;
  private static final double EM1_Q1 = -3.33333333333331316428e-02;
  private static final double EM1_Q2 = 1.58730158725481460165e-03;
  private static final double EM1_Q3 = -7.93650757867487942473e-05;
  private static final double EM1_Q4 = 4.00821782732936239552e-06;
  private static final double EM1_Q5 = -2.01099218183624371326e-07;

  /** y with k added to its binary exponent (fdlibm's SET_HIGH_WORD(y, high + (k << 20))). */
  private static double addExponent(double y, int k) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) (k << 20) << 32));
  }

  /**
   * glibc's tanh (sysdeps/ieee754/dbl-64/s_tanh.c, fdlibm's method) on top of glibc's {@link #expm1}: with
   * t = expm1(2|x|), tanh|x| = 1 - 2/(t + 2) for 1 <= |x| < 22; with t = expm1(-2|x|), -t/(t + 2) for
   * 2^-55 <= |x| < 1; x (1 + x) below 2^-55; 1 from 22 on (the sign of x restored). Java's Math.tanh is
   * fdlibm's with fdlibm's expm1, which disagrees with glibc's in the last bit on some arguments.
   */
  public static double tanh(double x) {
    final long bits = Double.doubleToRawLongBits(x);
    final int jx = (int) (bits >> 32);
    final int ix = jx & 0x7fffffff;
    if (ix >= 0x7ff00000) { // inf or NaN
      return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
    }
    double z;
    if (ix < 0x40360000) { // |x| < 22
      if ((bits & 0x7fffffffffffffffL) == 0) return x; // +-0
      if (ix < 0x3c800000) return x * (1.0 + x); // |x| < 2^-55
      if (ix >= 0x3ff00000) { // |x| >= 1
        final double t = expm1(2.0 * Math.abs(x));
        z = 1.0 - 2.0 / (t + 2.0);
      } else {
        final double t = expm1(-2.0 * Math.abs(x));
        z = -t / (t + 2.0);
      }
    } else {
      z = 1.0 - 1.0e-300;
    }
    return jx >= 0 ? z : -z;
  }

  /**
   * glibc's {@code expm1(x)} = e^x - 1, bit for bit (x86-64 build with FMA contraction: every a*b+c of
   * the C source is one {@link Math#fma}). Verified against the system libm (glibc 2.36) on ~475000
   * arguments in [-60, 60], [-1, 1] and [-1e-6, 1e-6] and the ratios -h/tau of synapse models. This is what NEST's
   * {@code std::expm1} and {@code ::expm1} calls compute; NEST's {@code numerics::expm1} is another function in
   * the reference build (see {@link NestNumerics#expm1}).
   */
  public static double expm1(double x) {
    int hx = (int) (Double.doubleToRawLongBits(x) >>> 32);
    boolean neg = hx < 0;
    hx &= 0x7fffffff;
    if (hx >= 0x4043687A) {                 // |x| >= 56 ln2
      if (hx >= 0x40862E42) {               // |x| >= 709.78
        if (hx >= 0x7ff00000) {
          if (Double.isNaN(x)) return x + x;
          return neg ? -1.0 : x;
        }
        if (x > 7.09782712893383973096e+02) return Double.POSITIVE_INFINITY;
      }
      if (neg) return -1.0;
    }
    int k;
    double hi, lo, c = 0.0, t;
    if (hx > 0x3fd62e42) {                  // |x| > ln2 / 2: reduce
      if (hx < 0x3FF0A2B2) {                // and |x| < 1.5 ln2
        if (!neg) {
          hi = x - EM1_LN2_HI;
          lo = EM1_LN2_LO;
          k = 1;
        } else {
          hi = x + EM1_LN2_HI;
          lo = -EM1_LN2_LO;
          k = -1;
        }
      } else {
        k = (int) Math.fma(EM1_INVLN2, x, neg ? -0.5 : 0.5);
        t = k;
        hi = Math.fma(-t, EM1_LN2_HI, x);
        lo = t * EM1_LN2_LO;
      }
      x = hi - lo;
      c = (hi - x) - lo;
    } else if (hx < 0x3c900000) {           // |x| < 2^-54
      return x;
    } else {
      k = 0;
    }
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1a = Math.fma(hxs, EM1_Q1, 1.0);
    double h2 = hxs * hxs;
    double r2 = Math.fma(hxs, EM1_Q3, EM1_Q2);
    double h4 = h2 * h2;
    double r3 = Math.fma(hxs, EM1_Q5, EM1_Q4);
    double r1 = Math.fma(h4, r3, Math.fma(h2, r2, r1a));
    t = Math.fma(-r1, hfx, 3.0);
    double e = hxs * ((r1 - t) / Math.fma(-x, t, 6.0));
    if (k == 0) return x - Math.fma(x, e, -hxs);
    e = Math.fma(x, e - c, -c);
    e -= hxs;
    if (k == -1) return 0.5 * (x - e) - 0.5;
    if (k == 1) return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
    double y;
    if (k <= -2 || k > 56) {
      y = 1.0 - (e - x);
      y = k == 1024 ? y * 2.0 * 0x1p1023 : addExponent(y, k);
      return y - 1.0;
    }
    if (k < 20) {
      t = Double.longBitsToDouble((long) (0x3ff00000 - (0x200000 >> k)) << 32);   // 1 - 2^-k
      y = addExponent(t - (e - x), k);
    } else {
      t = Double.longBitsToDouble((long) ((0x3ff - k) << 20) << 32);              // 2^-k
      y = x - (e + t);
      y += 1.0;
      y = addExponent(y, k);
    }
    return y;
  }
}
