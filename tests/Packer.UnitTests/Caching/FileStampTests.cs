using Packer.Core.Caching;

namespace Packer.Tests.Caching;

public sealed class FileStampTests
{
    [Fact]
    public void A_stamp_taken_within_the_settling_time_of_its_change_is_not_recorded()
    {
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var old = new FileStamp(120, now.AddSeconds(-3).Ticks);
        var fresh = new FileStamp(120, now.AddSeconds(-1).Ticks);

        Assert.Equal(old, old.SettledBy(now));
        Assert.True(old.SettledBy(now).IsKnown);
        Assert.False(fresh.SettledBy(now).IsKnown);
        Assert.False(default(FileStamp).IsKnown);
    }
}
